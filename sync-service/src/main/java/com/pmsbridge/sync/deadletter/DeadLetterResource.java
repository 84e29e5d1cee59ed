package com.pmsbridge.sync.deadletter;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

/**
 * Replay of dead letters, for platform admins (every organisation's letters share the topic). Routed by the gateway
 * under {@code /api/v1/entities/_dead-letters}.
 */
@Path("/api/v1/entities/_dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeadLetterResource {
    private final DeadLetterReplay replay;

    DeadLetterResource(DeadLetterReplay replay) {
        this.replay = replay;
    }

    /** {@code from} is required; {@code to} defaults to now; stage, org and reasonPrefix narrow the selection. */
    public record ReplayRequest(
            Instant from, Instant to, String stage, String org, String reasonPrefix, Boolean dryRun) {}

    @POST
    @Path("replay")
    @RolesAllowed("platform-admin")
    @Operation(summary = "Send dead letters of a time window back to the topics they came from")
    public DeadLetterReplay.Outcome replay(ReplayRequest request) {
        if (request == null || request.from() == null) {
            throw new BadRequestException("field 'from' (an ISO-8601 time) is required");
        }
        Instant to = request.to() == null ? Instant.now() : request.to();
        if (to.isBefore(request.from())) {
            throw new BadRequestException("field 'to' must not be before 'from'");
        }
        return replay.replay(new DeadLetterReplay.Selection(
                request.from(),
                to,
                request.stage(),
                request.org(),
                request.reasonPrefix(),
                Boolean.TRUE.equals(request.dryRun())));
    }
}
