package com.pmsbridge.gateway.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Open conflicts with both values, their versions and the rule applied; resolved by taking one value or typing one. */
@Path("/console/conflicts")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ConflictsPage {
    private static final String CONFLICTS = "/api/v1/conflicts";
    private final ConsoleBackend backend;
    private final Viewer viewer;
    private final Template conflicts;

    ConflictsPage(ConsoleBackend backend, Viewer viewer, @Location("console/conflicts.html") Template conflicts) {
        this.backend = backend;
        this.viewer = viewer;
        this.conflicts = conflicts;
    }

    @GET
    public TemplateInstance page(
            @RestQuery String entityType,
            @RestQuery String propertyId,
            @RestQuery String status,
            @RestQuery String done,
            @RestQuery String failed) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("entityType", entityType);
        query.put("propertyId", propertyId);
        query.put("status", status == null || status.isBlank() ? "OPEN" : status);
        ConsoleBackend.Reply reply = backend.get(viewer.token(), CONFLICTS, query);
        return conflicts
                .data("conflicts", reply.ok() ? reply.as(List.class) : List.of())
                .data("error", reply.ok() ? null : "The conflicts could not be loaded: " + reply.problem() + ".")
                .data("filter", query)
                .data("back", "/console/conflicts?" + ConsoleLinks.query(query))
                .data("done", done)
                .data("failed", failed);
    }

    @POST
    @Path("{id}/resolve")
    public Response resolve(
            @PathParam("id") String id, @RestForm String take, @RestForm String value, @RestForm String back) {
        Map<String, Object> resolution = new LinkedHashMap<>();
        resolution.put("take", take);
        if ("value".equals(take)) {
            resolution.put("value", value);
        }
        ConsoleBackend.Reply reply = backend.send(
                viewer.token(), "POST", CONFLICTS + "/" + ConsoleLinks.segment(id) + "/resolve", resolution);
        String done = reply.ok()
                ? "Resolved: " + reply.body().path("field").asText() + " now has the "
                        + ("value".equals(take) ? "typed" : take.toUpperCase()) + " value"
                : null;
        return ConsoleLinks.after(back, "/console/conflicts", reply, done);
    }
}
