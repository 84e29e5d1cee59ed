package com.pmsbridge.connector.webhook;

import com.pmsbridge.connector.adapter.WebhookRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /webhooks/{connectionId}}: no OIDC, the PMS's signature is the authentication. Answers 202 only after
 * Kafka acknowledged the change events. Bodies over 256 KB are refused with 413 by the HTTP layer.
 */
@Path("/webhooks/{connectionId}")
public class WebhookResource {
    private final WebhookIntake intake;

    WebhookResource(WebhookIntake intake) {
        this.intake = intake;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a signed webhook from a PMS")
    public Response receive(@PathParam("connectionId") String connectionId, HttpHeaders headers, byte[] body) {
        Map<String, String> lowerCased = new HashMap<>();
        headers.getRequestHeaders()
                .forEach((name, values) -> lowerCased.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        WebhookIntake.Outcome outcome = intake.accept(
                new WebhookRequest(connectionId, lowerCased, body == null ? new byte[0] : body, Instant.now()));
        return Response.accepted(Map.of("status", outcome.name().toLowerCase(Locale.ROOT)))
                .build();
    }
}
