package com.pmsbridge.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import org.jboss.resteasy.reactive.RestQuery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Log of what was applied and skipped, by whom and when: filters, and a CSV export of the same rows. */
@Path("/console/log")
@Authenticated
@Blocking
public class LogPage {
    private static final List<String> COLUMNS =
            List.of("at", "action", "itemType", "propertyId", "connectionId", "actor", "outcome", "details");
    private final ConsoleBackend backend;
    private final Viewer viewer;
    private final Template log;

    LogPage(ConsoleBackend backend, Viewer viewer, @Location("console/log.html") Template log) {
        this.backend = backend;
        this.viewer = viewer;
        this.log = log;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(
            @RestQuery String type,
            @RestQuery String actor,
            @RestQuery String from,
            @RestQuery String to,
            @RestQuery String limit) {
        Map<String, String> query = query(type, actor, from, to, limit);
        ConsoleBackend.Reply reply = backend.get(viewer.token(), "/api/v1/queue/log", query);
        return log.data("entries", reply.ok() ? reply.as(List.class) : List.of())
                .data("error", reply.ok() ? null : "The log could not be loaded: " + reply.problem() + ".")
                .data("filter", query)
                .data("csv", "/console/log/export.csv?" + ConsoleLinks.query(query))
                .data("more", "/console/log?" + ConsoleLinks.query(more(query)));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response csv(
            @RestQuery String type,
            @RestQuery String actor,
            @RestQuery String from,
            @RestQuery String to,
            @RestQuery String limit) {
        ConsoleBackend.Reply reply =
                backend.get(viewer.token(), "/api/v1/queue/log", query(type, actor, from, to, limit));
        if (!reply.ok()) {
            return Response.status(reply.status())
                    .entity(reply.problem())
                    .type(MediaType.TEXT_PLAIN)
                    .build();
        }
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (JsonNode entry : reply.body()) {
            csv.append(String.join(
                            ",", COLUMNS.stream().map(c -> cell(entry.path(c))).toList()))
                    .append("\r\n");
        }
        return Response.ok(csv.toString())
                .header("Content-Disposition", "attachment; filename=\"integration-queue-log.csv\"")
                .build();
    }

    private static Map<String, String> query(String type, String actor, String from, String to, String limit) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("type", type);
        query.put("actor", actor);
        query.put("from", from);
        query.put("to", to);
        query.put("limit", limit == null || limit.isBlank() ? "100" : limit);
        return query;
    }

    private static Map<String, String> more(Map<String, String> query) {
        Map<String, String> next = new LinkedHashMap<>(query);
        next.put("limit", Integer.toString(Math.min(500, Integer.parseInt(query.get("limit")) + 100)));
        return next;
    }

    /** A CSV cell; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
    private static String cell(JsonNode value) {
        String text = value.isMissingNode() || value.isNull() ? "" : value.asText();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
