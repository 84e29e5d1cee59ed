package com.pmsbridge.connector.syncrun;

import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.connector.connection.ConnectionAccess;
import com.pmsbridge.service.security.CallerOrg;
import io.quarkus.panache.common.Sort;
import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The Sync button: pull fresh data from the PMS. The pull creates no queue item or log entry by itself. */
@Path("/api/v1/connections/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {
    private final CallerOrg caller;
    private final SyncRunner syncRunner;
    private final ConnectionAccess access;

    SyncResource(CallerOrg caller, SyncRunner syncRunner, ConnectionAccess access) {
        this.caller = caller;
        this.syncRunner = syncRunner;
        this.access = access;
    }

    @POST
    @Path("sync")
    @RolesAllowed({"operator", "admin"})
    @Operation(summary = "Start a Sync of the connection; answers 202 with the run to follow")
    public Response sync(@PathParam("id") String id) {
        Connection connection = access.owned(id);
        SyncRun run = syncRunner.start(connection, caller.subject());
        return Response.accepted(SyncRunView.of(run))
                .location(URI.create("/api/v1/connections/" + id + "/sync-runs/" + run.id))
                .build();
    }

    @GET
    @Path("sync-runs")
    @RolesAllowed({"viewer", "operator", "admin"})
    @Transactional
    public List<SyncRunView> runs(@PathParam("id") String id) {
        access.owned(id);
        return SyncRun.<SyncRun>find("connectionId", Sort.descending("startedAt"), id).page(0, 20).list().stream()
                .map(SyncRunView::of)
                .toList();
    }

    @GET
    @Path("sync-runs/{runId}")
    @RolesAllowed({"viewer", "operator", "admin"})
    @Transactional
    public SyncRunView run(@PathParam("id") String id, @PathParam("runId") UUID runId) {
        access.owned(id);
        SyncRun run = SyncRun.findById(runId);
        if (run == null || !run.connectionId.equals(id)) {
            throw new NotFoundException("no sync run '" + runId + "'");
        }
        return SyncRunView.of(run);
    }
}
