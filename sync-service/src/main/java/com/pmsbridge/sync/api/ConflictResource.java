package com.pmsbridge.sync.api;

import com.pmsbridge.service.security.CallerOrg;
import com.pmsbridge.sync.conflict.Conflict;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Conflicts of the caller's organisation, filterable by entity type, property and status, and their resolution. */
@Path("/api/v1/conflicts")
@Produces(MediaType.APPLICATION_JSON)
public class ConflictResource {
    private final CallerOrg caller;
    private final ConflictResolutions resolutions;

    ConflictResource(CallerOrg caller, ConflictResolutions resolutions) {
        this.caller = caller;
        this.resolutions = resolutions;
    }

    /** Which value ends the conflict: {@code pms}, {@code hub}, or {@code value} with the value typed. */
    public record Resolution(String take, Object value) {}

    public record ConflictView(
            UUID id,
            String entityKey,
            String entityType,
            String propertyId,
            String field,
            Object hubValue,
            Object pmsValue,
            String hubVersion,
            String pmsVersion,
            String rule,
            String winner,
            String status,
            String reason,
            Instant createdAt,
            String resolution,
            String resolvedBy,
            Instant resolvedAt) {
        static ConflictView of(Conflict c) {
            return new ConflictView(
                    c.id,
                    c.entityKey,
                    c.entityType,
                    c.propertyId,
                    c.field,
                    c.hubValue,
                    c.pmsValue,
                    c.hubVersion,
                    c.pmsVersion,
                    c.rule,
                    c.winner,
                    c.status,
                    c.reason,
                    c.createdAt,
                    c.resolution,
                    c.resolvedBy,
                    c.resolvedAt);
        }
    }

    @GET
    @RolesAllowed({"viewer", "operator", "admin"})
    @Transactional
    @Operation(summary = "List conflicts, newest first")
    public List<ConflictView> list(
            @QueryParam("entityType") String entityType,
            @QueryParam("propertyId") String propertyId,
            @QueryParam("status") @DefaultValue("OPEN") String status,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        StringBuilder query = new StringBuilder("org = :org and status = :status");
        Parameters parameters = Parameters.with("org", caller.value()).and("status", status.toUpperCase());
        if (entityType != null) {
            query.append(" and entityType = :entityType");
            parameters.and("entityType", entityType);
        }
        if (propertyId != null) {
            query.append(" and propertyId = :propertyId");
            parameters.and("propertyId", propertyId);
        }
        return Conflict.<Conflict>find(query.toString(), Sort.descending("createdAt"), parameters)
                .page(0, Math.clamp(limit, 1, 500))
                .list()
                .stream()
                .map(ConflictView::of)
                .toList();
    }

    @POST
    @Path("{id}/resolve")
    @RolesAllowed({"operator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Resolve an open conflict by taking the PMS value, the hub value or a typed value: the entity"
                    + " gets it as a hub edit (written back when the field is shared, recorded in history)")
    public ConflictView resolve(@PathParam("id") UUID id, Resolution resolution) {
        return ConflictView.of(resolutions.resolve(id, caller.value(), resolution, caller.actor()));
    }
}
