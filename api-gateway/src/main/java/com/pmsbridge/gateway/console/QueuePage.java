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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Integration Queue: counts by type, the items oldest first (or newest), filters and a text search, cursor
 * paging, an item's detail, Apply, Skip with a reason, and both for many items at once.
 */
@Path("/console/queue")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class QueuePage {
    private static final String ITEMS = "/api/v1/queue/items";
    private final ConsoleBackend backend;
    private final Viewer viewer;
    private final Template queue;
    private final Template item;

    QueuePage(
            ConsoleBackend backend,
            Viewer viewer,
            @Location("console/queue.html") Template queue,
            @Location("console/item.html") Template item) {
        this.backend = backend;
        this.viewer = viewer;
        this.queue = queue;
        this.item = item;
    }

    /** The page's filter, as the query string carries it between pages and actions. */
    public record Filter(
            String type, String propertyId, String connectionId, String suggestedSkip, String q, String sort) {
        Map<String, String> asQuery() {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("status", "PENDING");
            query.put("type", type);
            query.put("propertyId", propertyId);
            query.put("connectionId", connectionId);
            query.put("suggestedSkip", suggestedSkip);
            query.put("q", q);
            query.put("sort", sort == null || sort.isBlank() ? "oldest" : sort);
            return query;
        }

        public boolean newestFirst() {
            return "newest".equals(sort);
        }

        /** This filter as a query string (for links and the way back after an action). */
        public String link() {
            return ConsoleLinks.query(asQuery());
        }

        public String toggledSortLink() {
            Map<String, String> query = asQuery();
            query.put("sort", newestFirst() ? "oldest" : "newest");
            return ConsoleLinks.query(query);
        }
    }

    @GET
    public TemplateInstance page(
            @RestQuery String type,
            @RestQuery String propertyId,
            @RestQuery String connectionId,
            @RestQuery String suggestedSkip,
            @RestQuery String q,
            @RestQuery String sort,
            @RestQuery String after,
            @RestQuery String done,
            @RestQuery String failed) {
        return render(queue, new Filter(type, propertyId, connectionId, suggestedSkip, q, sort), after)
                .data("done", done)
                .data("failed", failed);
    }

    /** The table's rows alone: the page polls them to show new items without a reload. */
    @GET
    @Path("rows")
    public TemplateInstance rows(
            @RestQuery String type,
            @RestQuery String propertyId,
            @RestQuery String connectionId,
            @RestQuery String suggestedSkip,
            @RestQuery String q,
            @RestQuery String sort,
            @RestQuery String after) {
        return render(
                queue.getFragment("rows"), new Filter(type, propertyId, connectionId, suggestedSkip, q, sort), after);
    }

    private TemplateInstance render(Template template, Filter filter, String after) {
        Map<String, String> query = filter.asQuery();
        query.put("after", after);
        query.put("limit", "50");
        ConsoleBackend.Reply items = backend.get(viewer.token(), ITEMS, query);
        ConsoleBackend.Reply counts = backend.get(viewer.token(), ITEMS + "/_counts", Map.of());
        return template.data("filter", filter)
                .data("items", items.ok() ? items.as(List.class) : List.of())
                .data("error", items.ok() ? null : "The queue could not be loaded: " + items.problem() + ".")
                .data("next", items.header("X-Next-Cursor").orElse(null))
                .data("paged", after != null && !after.isBlank())
                .data("counts", counts.ok() ? counts.as(Map.class) : Map.of())
                .data("total", counts.ok() ? total(counts) : null);
    }

    private static long total(ConsoleBackend.Reply counts) {
        long total = 0;
        for (var count : counts.body()) {
            total += count.asLong();
        }
        return total;
    }

    @GET
    @Path("items/{id}")
    public TemplateInstance item(@PathParam("id") String id, @RestQuery String back) {
        ConsoleBackend.Reply reply = backend.get(viewer.token(), ITEMS + "/" + ConsoleLinks.segment(id), Map.of());
        ItemParties.Parties parties = reply.ok()
                ? new ItemParties(backend, viewer.token())
                        .of(
                                reply.body().path("entityKey").asText(null),
                                reply.body().path("unitId").asText(null))
                : null;
        return item.data("item", reply.ok() ? reply.as(Map.class) : null)
                .data("parties", parties)
                .data("error", reply.ok() ? null : "The item could not be loaded: " + reply.problem() + ".")
                .data("back", ConsoleLinks.back(back, "/console/queue"));
    }

    @POST
    @Path("items/{id}/apply")
    public Response apply(@PathParam("id") String id, @RestForm String back) {
        ConsoleBackend.Reply reply =
                backend.send(viewer.token(), "POST", ITEMS + "/" + ConsoleLinks.segment(id) + "/apply", null);
        return ConsoleLinks.after(back, "/console/queue", reply, "Applied 1 item");
    }

    @POST
    @Path("items/{id}/skip")
    public Response skip(@PathParam("id") String id, @RestForm String reason, @RestForm String back) {
        ConsoleBackend.Reply reply = backend.send(
                viewer.token(),
                "POST",
                ITEMS + "/" + ConsoleLinks.segment(id) + "/skip",
                Map.of("reason", text(reason)));
        return ConsoleLinks.after(back, "/console/queue", reply, "Skipped 1 item");
    }

    /** Apply or Skip the selected items, or every pending item the page's filter matches when none is selected. */
    @POST
    @Path("bulk")
    public Response bulk(
            @RestForm String action,
            @RestForm List<String> ids,
            @RestForm String reason,
            @RestForm String type,
            @RestForm String propertyId,
            @RestForm String connectionId,
            @RestForm String suggestedSkip,
            @RestForm String q,
            @RestForm String back) {
        List<String> chosen = ids == null ? List.of() : ids;
        if (chosen.isEmpty()) {
            Map<String, String> query =
                    new Filter(type, propertyId, connectionId, suggestedSkip, q, "oldest").asQuery();
            query.put("limit", "500");
            ConsoleBackend.Reply matching = backend.get(viewer.token(), ITEMS, query);
            if (!matching.ok()) {
                return ConsoleLinks.after(back, "/console/queue", matching, null);
            }
            List<String> found = new ArrayList<>();
            matching.body().forEach(item -> found.add(item.path("id").asText()));
            chosen = found;
        }
        if (chosen.isEmpty()) {
            return ConsoleLinks.after(
                    back, "/console/queue", new ConsoleBackend.Reply(200, null, Map.of()), "Nothing to do");
        }
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("status", "PENDING");
        filter.put("ids", new ArrayList<>(chosen));
        boolean skip = "skip".equals(action);
        ConsoleBackend.Reply reply = skip
                ? backend.send(
                        viewer.token(), "POST", ITEMS + "/skip", Map.of("filter", filter, "reason", text(reason)))
                : backend.send(viewer.token(), "POST", ITEMS + "/apply", filter);
        String done = reply.ok()
                ? (skip ? "Skipped " : "Applied ")
                        + reply.body().path("matched").asInt() + " items"
                : null;
        return ConsoleLinks.after(back, "/console/queue", reply, done);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
