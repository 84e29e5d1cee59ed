package com.pmsbridge.sync.writeback;

import com.pmsbridge.contract.event.WritebackCommand;
import com.pmsbridge.service.security.CallerOrg;
import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.UUID;

/** Operators ask the PMS to create a work order, a lead (guest card) or a lease charge, and follow the outcome. */
@Path("/api/v1/entities/_writebacks")
@Produces(MediaType.APPLICATION_JSON)
public class WritebackResource {
    private final CallerOrg caller;
    private final WritebackRequests requests;

    WritebackResource(CallerOrg caller, WritebackRequests requests) {
        this.caller = caller;
        this.requests = requests;
    }

    /** What to create, on which connection: the fields of the write-back command (docs/connector-service.md). */
    public record Request(WritebackCommand.Type type, String connectionId, Map<String, Object> fields) {}

    @POST
    @RolesAllowed({"operator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a work order, lead or lease charge in the PMS; the same Idempotency-Key gives the same"
                    + " request (202), never a second write")
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey, Request request) {
        Request r = request == null ? new Request(null, null, null) : request;
        WritebackRequests.View view = requests.request(
                caller.value(), idempotencyKey, r.type(), r.connectionId(), r.fields(), caller.actor());
        return Response.accepted(view).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"viewer", "operator", "admin"})
    @Operation(summary = "A write-back request with the PMS's outcome (PENDING until the connector reports it)")
    public WritebackRequests.View get(@PathParam("id") UUID id) {
        return requests.get(caller.value(), id).orElseThrow(() -> new NotFoundException("no write-back '" + id + "'"));
    }
}
