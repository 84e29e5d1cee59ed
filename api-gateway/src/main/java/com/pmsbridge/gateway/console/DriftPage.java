package com.pmsbridge.gateway.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import org.jboss.resteasy.reactive.RestQuery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** Reconciliation reports per connection (what a Sync found missing or different), down to records and fields. */
@Path("/console/drift")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class DriftPage {
    private static final String RECONCILIATIONS = "/api/v1/reconciliations";
    private final ConsoleBackend backend;
    private final Viewer viewer;
    private final Template drift;
    private final Template report;

    DriftPage(
            ConsoleBackend backend,
            Viewer viewer,
            @Location("console/drift.html") Template drift,
            @Location("console/report.html") Template report) {
        this.backend = backend;
        this.viewer = viewer;
        this.drift = drift;
        this.report = report;
    }

    @GET
    public TemplateInstance page(@RestQuery String connectionId) {
        ConsoleBackend.Reply reply =
                backend.get(viewer.token(), RECONCILIATIONS, Map.of("connectionId", nullToEmpty(connectionId)));
        return drift.data("reports", reply.ok() ? reply.as(List.class) : List.of())
                .data("error", reply.ok() ? null : "The reports could not be loaded: " + reply.problem() + ".")
                .data("connectionId", connectionId);
    }

    @GET
    @Path("{id}")
    public TemplateInstance report(@PathParam("id") String id) {
        ConsoleBackend.Reply reply =
                backend.get(viewer.token(), RECONCILIATIONS + "/" + ConsoleLinks.segment(id), Map.of());
        return report.data("report", reply.ok() ? reply.as(Map.class) : null)
                .data("error", reply.ok() ? null : "The report could not be loaded: " + reply.problem() + ".");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
