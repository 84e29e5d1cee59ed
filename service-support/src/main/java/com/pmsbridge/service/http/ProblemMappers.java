package com.pmsbridge.service.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Every error as a problem document: 401 (with {@code WWW-Authenticate: Bearer}) and 403 from security, 400 for
 * unreadable JSON, the status of any JAX-RS error, and 500 without details for the unexpected (logged here, never
 * sent to the caller).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Problems.builder(401, "unauthenticated", "a valid bearer token is required")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper({ForbiddenException.class, jakarta.ws.rs.ForbiddenException.class})
    public Response forbidden(RuntimeException e) {
        String detail = e instanceof jakarta.ws.rs.ForbiddenException web
                        && web.getMessage() != null
                        && !web.getMessage().startsWith("HTTP 403")
                ? web.getMessage()
                : "your role does not allow this";
        return Problems.of(403, "forbidden", detail);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return Problems.of(
                400,
                "invalid-json",
                "the request body is not valid JSON for this operation: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message =
                e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? defaultDetail(status) : e.getMessage();
        return Problems.of(status, "http-" + status, message);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return Problems.of(500, "internal", "the request failed unexpectedly; it has been logged");
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 415 -> "unsupported content type";
            default -> "the request cannot be processed";
        };
    }
}
