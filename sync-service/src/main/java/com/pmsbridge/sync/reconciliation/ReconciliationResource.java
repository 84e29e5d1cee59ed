package com.pmsbridge.sync.reconciliation;

import com.pmsbridge.service.security.CallerOrg;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Drift reports of the caller's organisation: one per completed connector Sync. */
@Path("/api/v1/reconciliations")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {
    private final CallerOrg caller;

    ReconciliationResource(CallerOrg caller) {
        this.caller = caller;
    }

    /**
     * @param details drifted records (entity key, type, kind, field names; values are in the entity API), only in
     *                the single-report view
     */
    public record ReconciliationView(
            UUID id,
            String connectionId,
            List<String> entityTypes,
            String status,
            Instant syncStartedAt,
            Instant syncCompletedAt,
            long expectedRecords,
            Long snapshotRecords,
            Integer missingInHub,
            Integer missingInPms,
            Integer fieldDifferences,
            Instant reconciledAt,
            List<Map<String, Object>> details) {}

    @GET
    @RolesAllowed({"viewer", "operator", "admin"})
    @Transactional
    @Operation(summary = "List reconciliations (drift reports), newest Sync first")
    public List<ReconciliationView> list(
            @QueryParam("connectionId") String connectionId, @QueryParam("limit") @DefaultValue("50") int limit) {
        String query = connectionId == null ? "org = :org" : "org = :org and connectionId = :connection";
        Parameters parameters = Parameters.with("org", caller.value());
        if (connectionId != null) {
            parameters.and("connection", connectionId);
        }
        return Reconciliation.<Reconciliation>find(query, Sort.descending("syncCompletedAt"), parameters)
                .page(0, Math.clamp(limit, 1, 500))
                .list()
                .stream()
                .map(r -> view(r, null))
                .toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"viewer", "operator", "admin"})
    @Transactional
    @Operation(summary = "One reconciliation with its drifted records")
    public ReconciliationView get(@PathParam("id") UUID id) {
        Reconciliation run = Reconciliation.findById(id);
        if (run == null || !run.org.equals(caller.value())) {
            throw new NotFoundException("no reconciliation '" + id + "'");
        }
        return view(run, run.details == null ? List.of() : run.details);
    }

    private static ReconciliationView view(Reconciliation r, List<Map<String, Object>> details) {
        return new ReconciliationView(
                r.id,
                r.connectionId,
                List.of(r.entityTypes.split(",")),
                r.status,
                r.syncStartedAt,
                r.syncCompletedAt,
                r.expectedRecords,
                r.snapshotRecords,
                r.missingInHub,
                r.missingInPms,
                r.fieldDifferences,
                r.reconciledAt,
                details);
    }
}
