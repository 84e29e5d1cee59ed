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

import java.util.List;
import java.util.Map;

/**
 * One record as PMS Bridge holds it: every field with its value, source, owner, version and pending write-back; its
 * history; and an edit of one hub-owned or shared field (a PMS-owned one is refused with the API's 409 message).
 */
@Path("/console/entities/{key}")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class EntityPage {
    private final ConsoleBackend backend;
    private final Viewer viewer;
    private final Template entity;

    EntityPage(ConsoleBackend backend, Viewer viewer, @Location("console/entity.html") Template entity) {
        this.backend = backend;
        this.viewer = viewer;
        this.entity = entity;
    }

    @GET
    public TemplateInstance page(@PathParam("key") String key, @RestQuery String done, @RestQuery String failed) {
        String path = "/api/v1/entities/" + ConsoleLinks.segment(key);
        ConsoleBackend.Reply state = backend.get(viewer.token(), path, Map.of());
        ConsoleBackend.Reply history = backend.get(viewer.token(), path + "/history", Map.of("limit", "200"));
        return entity.data("key", key)
                .data("entity", state.ok() ? state.as(Map.class) : null)
                .data("history", history.ok() ? history.as(List.class) : List.of())
                .data("error", state.ok() ? null : "The record could not be loaded: " + state.problem() + ".")
                .data("done", done)
                .data("failed", failed);
    }

    @POST
    public Response edit(@PathParam("key") String key, @RestForm String field, @RestForm String value) {
        ConsoleBackend.Reply reply = backend.send(
                viewer.token(),
                "PATCH",
                "/api/v1/entities/" + ConsoleLinks.segment(key),
                Map.of("fields", Map.of(String.valueOf(field), value == null ? "" : value)));
        String back = "/console/entities/" + ConsoleLinks.segment(key);
        return ConsoleLinks.after(back, back, reply, "Saved " + field);
    }
}
