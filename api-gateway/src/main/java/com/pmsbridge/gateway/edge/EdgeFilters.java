package com.pmsbridge.gateway.edge;

import com.pmsbridge.service.http.Problems;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Set;

/**
 * What the front door does for every API call: a rate limit per token subject (429 with Retry-After), and an audit
 * line for every state-changing call with subject, organisation, method, route and outcome. Audit lines carry ids
 * from the path, never bodies, so no resident's personal data reaches the log.
 */
public class EdgeFilters {
    private static final Logger AUDIT = Logger.getLogger("audit");
    private static final String SUBJECT = "pms.subject";
    private static final String ORG = "pms.org";
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    RateLimiter limiter;

    // after authentication (JAX-RS-time security), so the identity is already resolved
    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.USER)
    public Response limit(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/") || identity.isAnonymous()) {
            return null;
        }
        // the audit line reads these after the call; asking security again there could block the IO thread
        request.setProperty(SUBJECT, identity.getPrincipal().getName());
        Object org = token.getClaim("org");
        request.setProperty(ORG, org == null ? "-" : org.toString());
        long retryAfter = limiter.acquire(identity.getPrincipal().getName());
        if (retryAfter == 0) {
            return null;
        }
        return Problems.builder(429, "rate_limited", "too many requests; retry in " + retryAfter + " s")
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                .build();
    }

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response) {
        if (!STATE_CHANGING.contains(request.getMethod())) {
            return;
        }
        Object subject = request.getProperty(SUBJECT);
        Object org = request.getProperty(ORG);
        AUDIT.infof(
                "subject=%s org=%s method=%s route=%s status=%d",
                subject == null ? "-" : subject,
                org == null ? "-" : org,
                request.getMethod(),
                request.getUriInfo().getPath(),
                response.getStatus());
    }
}
