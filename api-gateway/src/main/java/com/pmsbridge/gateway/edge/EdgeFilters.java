package com.pmsbridge.gateway.edge;

import com.pmsbridge.gateway.routing.RawPaths;
import com.pmsbridge.service.http.Problems;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
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
    private static final String WEBHOOKS = "/webhooks/";
    private static final String CONSOLE_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                    + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
                    + " frame-ancestors 'none'";
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    RateLimiter limiter;

    @Inject
    WebhookRateLimiter webhookLimiter;

    /** Before routing: a path that would change shape once decoded never reaches a route, nor a backend. */
    @ServerRequestFilter(preMatching = true)
    public Response refuseAmbiguousPaths(ContainerRequestContext request) {
        return RawPaths.problem(request.getUriInfo().getRequestUri().getRawPath())
                .map(reason -> Problems.of(400, "invalid_path", reason))
                .orElse(null);
    }

    /** Webhooks are unauthenticated: an id of the wrong shape is refused here, and each connection has its own limit. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION + 1)
    public Response limitWebhooks(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!path.startsWith(WEBHOOKS)) {
            return null;
        }
        String connectionId = path.substring(WEBHOOKS.length());
        if (!RawPaths.CONNECTION_ID.matcher(connectionId).matches()) {
            return Problems.of(
                    400, "invalid_connection_id", "the connection id must be 3-100 characters of a-z, 0-9 and '-'");
        }
        long retryAfter = webhookLimiter.acquire(connectionId);
        if (retryAfter == 0) {
            return null;
        }
        return Problems.builder(
                        429, "rate_limited", "too many webhooks for this connection; retry in " + retryAfter + " s")
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                .build();
    }

    // after authentication (JAX-RS-time security), so the identity is already resolved
    @ServerRequestFilter(priority = Priorities.USER)
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

    /** Browser hardening on every answer; the console also gets a strict content policy (Swagger UI needs inline code). */
    @ServerResponseFilter
    public void securityHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        if (request.getUriInfo().getPath().startsWith("/console")) {
            headers.putSingle("Content-Security-Policy", CONSOLE_POLICY);
        }
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
                AuditText.escape(subject == null ? "-" : subject.toString()),
                AuditText.escape(org == null ? "-" : org.toString()),
                request.getMethod(),
                AuditText.escape(request.getUriInfo().getRequestUri().getRawPath()),
                response.getStatus());
    }
}
