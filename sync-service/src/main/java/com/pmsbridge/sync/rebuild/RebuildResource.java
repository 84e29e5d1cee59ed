package com.pmsbridge.sync.rebuild;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * Rebuild of the whole projection (all organisations), for platform admins. Routed by the gateway under
 * {@code /api/v1/entities/_rebuilds}.
 */
@Path("/api/v1/entities/_rebuilds")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {
    private final Rebuild rebuild;

    RebuildResource(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @RolesAllowed("platform-admin")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Rebuild the projection from the event store into a fresh table and swap it in")
    public Response start() {
        try {
            return Response.accepted(rebuild.start().view()).build();
        } catch (IllegalStateException e) {
            throw new ClientErrorException(e.getMessage(), 409);
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed("platform-admin")
    public RebuildRun.View progress(@PathParam("id") UUID id) {
        return rebuild.run(id).orElseThrow(() -> new NotFoundException("no rebuild '" + id + "'"));
    }
}
