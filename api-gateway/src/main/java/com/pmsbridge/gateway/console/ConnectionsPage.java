package com.pmsbridge.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Each connection's health and its Sync: start one (never a second at once) and watch its progress live. */
@Path("/console/connections")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ConnectionsPage {
    private static final String CONNECTIONS = "/api/v1/connections";
    private final ConsoleBackend backend;
    private final Viewer viewer;
    private final Template connections;
    private final Template progress;

    ConnectionsPage(
            ConsoleBackend backend,
            Viewer viewer,
            @Location("console/connections.html") Template connections,
            @Location("console/progress.html") Template progress) {
        this.backend = backend;
        this.viewer = viewer;
        this.connections = connections;
        this.progress = progress;
    }

    @GET
    public TemplateInstance page(@RestQuery String done, @RestQuery String failed) {
        ConsoleBackend.Reply reply = backend.get(viewer.token(), CONNECTIONS, Map.of());
        List<Map<String, Object>> rows = new ArrayList<>();
        if (reply.ok()) {
            Map<String, Map<String, Object>> freshness = freshnessByConnection();
            for (JsonNode connection : reply.body()) {
                Map<String, Object> row = new LinkedHashMap<>(ConsoleBackend.asMap(connection));
                row.put("freshness", freshness.get(connection.path("id").asText()));
                row.put("run", latestRun(connection.path("id").asText()));
                row.put(
                        "secrets",
                        viewer.isAdmin() ? secrets(connection.path("id").asText()) : null);
                rows.add(row);
            }
        }
        return connections
                .data("connections", rows)
                .data("error", reply.ok() ? null : "The connections could not be loaded: " + reply.problem() + ".")
                .data("done", done)
                .data("failed", failed);
    }

    /** The last hour's freshness per connection (sync-service); absent when it cannot be read, never an error. */
    private Map<String, Map<String, Object>> freshnessByConnection() {
        ConsoleBackend.Reply reply = backend.get(viewer.token(), "/api/v1/entities/_freshness", Map.of());
        Map<String, Map<String, Object>> byConnection = new LinkedHashMap<>();
        if (reply.ok()) {
            reply.body()
                    .forEach(row -> byConnection.put(row.path("connectionId").asText(), ConsoleBackend.asMap(row)));
        }
        return byConnection;
    }

    /** One connection's latest Sync run alone: the page polls it while a run is going. */
    @GET
    @Path("{id}/progress")
    public TemplateInstance progress(@PathParam("id") String id) {
        return progress.data("run", latestRun(id)).data("id", id);
    }

    @POST
    @Path("{id}/sync")
    public Response sync(@PathParam("id") String id) {
        ConsoleBackend.Reply reply =
                backend.send(viewer.token(), "POST", CONNECTIONS + "/" + ConsoleLinks.segment(id) + "/sync", null);
        return ConsoleLinks.after("/console/connections", "/console/connections", reply, "Sync of " + id + " started");
    }

    /** Tests a connection: one small read from its PMS now, with its own credentials. */
    @POST
    @Path("{id}/test")
    public Response test(@PathParam("id") String id) {
        ConsoleBackend.Reply reply =
                backend.send(viewer.token(), "POST", CONNECTIONS + "/" + ConsoleLinks.segment(id) + "/test", null);
        if (reply.ok() && !reply.body().path("reachable").asBoolean()) {
            String reason = reply.body().path("reason").asText("unknown");
            return ConsoleLinks.after(
                    "/console/connections",
                    "/console/connections",
                    new ConsoleBackend.Reply(
                            502, ConsoleBackend.problemOf(id + " is not reachable: " + reason), Map.of()),
                    null);
        }
        String done =
                reply.ok() ? id + " answered in " + reply.body().path("millis").asLong() + " ms" : null;
        return ConsoleLinks.after("/console/connections", "/console/connections", reply, done);
    }

    /** Sets or rotates a connection's API credential and/or webhook secret (admins; the values are never shown). */
    @POST
    @Path("{id}/credentials")
    public Response credentials(
            @PathParam("id") String id, @RestForm String credential, @RestForm String webhookSecret) {
        Map<String, Object> secrets = new LinkedHashMap<>();
        if (credential != null && !credential.isBlank()) {
            secrets.put("credential", credential);
        }
        if (webhookSecret != null && !webhookSecret.isBlank()) {
            secrets.put("webhookSecret", webhookSecret);
        }
        ConsoleBackend.Reply reply = backend.send(
                viewer.token(), "PUT", CONNECTIONS + "/" + ConsoleLinks.segment(id) + "/credentials", secrets);
        return ConsoleLinks.after("/console/connections", "/console/connections", reply, "Secrets of " + id + " saved");
    }

    private Map<?, ?> secrets(String id) {
        ConsoleBackend.Reply reply =
                backend.get(viewer.token(), CONNECTIONS + "/" + ConsoleLinks.segment(id) + "/credentials", Map.of());
        return reply.ok() ? reply.as(Map.class) : null;
    }

    private Map<?, ?> latestRun(String id) {
        ConsoleBackend.Reply runs =
                backend.get(viewer.token(), CONNECTIONS + "/" + ConsoleLinks.segment(id) + "/sync-runs", Map.of());
        if (!runs.ok() || runs.body() == null || runs.body().isEmpty()) {
            return null;
        }
        ConsoleBackend.Reply latest =
                new ConsoleBackend.Reply(runs.status(), runs.body().get(0), Map.of());
        return latest.as(Map.class);
    }
}
