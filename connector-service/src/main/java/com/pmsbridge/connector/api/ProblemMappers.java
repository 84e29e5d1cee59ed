package com.pmsbridge.connector.api;

import com.pmsbridge.connector.adapter.WebhookRejectedException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every error as an RFC 9457 problem document; no stack trace leaves the service. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response rejected(WebhookRejectedException e) {
        return problem(e.status(), e.reasonCode(), e.getMessage());
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException web) {
            return problem(web.getResponse().getStatus(), "http_error", web.getMessage());
        }
        LOG.error("unexpected error", e);
        return problem(503, "temporarily_unavailable", "the request could not be processed now; retry later");
    }

    static Response problem(int status, String type, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://pms-bridge.dev/problems/" + type.replace('_', '-'));
        body.put("title", Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        return Response.status(status).type("application/problem+json").entity(body).build();
    }
}
