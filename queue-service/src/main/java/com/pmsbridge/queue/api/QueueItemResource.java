package com.pmsbridge.queue.api;

import com.pmsbridge.queue.apply.Decisions;
import com.pmsbridge.queue.item.ItemStatus;
import com.pmsbridge.queue.item.ItemType;
import com.pmsbridge.queue.item.QueueItem;
import com.pmsbridge.service.security.CallerOrg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The Events Queue of the caller's organisation: list, Apply, Skip, one at a time or in bulk by filter. */
@Path("/api/v1/queue/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QueueItemResource {
    private static final int MAX_LIMIT = 500;
    private static final int MAX_BULK = 1000;
    private final CallerOrg caller;
    private final Decisions decisions;

    QueueItemResource(CallerOrg caller, Decisions decisions) {
        this.caller = caller;
        this.decisions = decisions;
    }

    /** Which items a bulk decision covers; every field is optional, status defaults to PENDING. */
    public record Filter(ItemStatus status, ItemType type, String propertyId, String connectionId, List<UUID> ids) {}

    public record SkipRequest(String reason) {}

    public record BulkSkipRequest(Filter filter, String reason) {}

    /** How many items ended in each status. */
    public record BulkResult(int matched, Map<ItemStatus, Integer> outcomes) {}

    @GET
    @RolesAllowed({"viewer", "operator", "admin"})
    @Operation(
            summary = "List queue items of the caller's organisation, newest first unless sort=oldest; when more"
                    + " match, the X-Next-Cursor header gives the 'after' of the next page")
    public RestResponse<List<QueueItemView>> list(
            @QueryParam("status") ItemStatus status,
            @QueryParam("type") ItemType type,
            @QueryParam("propertyId") String propertyId,
            @QueryParam("connectionId") String connectionId,
            @QueryParam("suggestedSkip") Boolean suggestedSkip,
            @QueryParam("q") String text,
            @QueryParam("sort") @DefaultValue("newest") String sort,
            @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        String org = caller.value();
        ItemQuery query = ItemQuery.parse(sort, after, text, suggestedSkip);
        int size = Math.clamp(limit, 1, MAX_LIMIT);
        List<QueueItem> page = QuarkusTransaction.requiringNew()
                .call(() -> query.find(org, new Filter(status, type, propertyId, connectionId, null), size + 1));
        List<QueueItemView> items =
                page.stream().limit(size).map(QueueItemView::of).toList();
        RestResponse.ResponseBuilder<List<QueueItemView>> answer = RestResponse.ResponseBuilder.ok(items);
        if (page.size() > size) {
            answer.header("X-Next-Cursor", ItemQuery.cursorOf(page.get(size - 1)));
        }
        return answer.build();
    }

    @GET
    @Path("_counts")
    @RolesAllowed({"viewer", "operator", "admin"})
    @Operation(summary = "How many items of the caller's organisation have each type (pending unless status is given)")
    public Map<ItemType, Long> counts(@QueryParam("status") ItemStatus status) {
        String org = caller.value();
        ItemStatus wanted = status == null ? ItemStatus.PENDING : status;
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<ItemType, Long> counts = new EnumMap<>(ItemType.class);
            for (ItemType type : ItemType.values()) {
                counts.put(type, 0L);
            }
            QueueItem.getEntityManager()
                    .createQuery(
                            "select i.type, count(i) from QueueItem i where i.org = :org and i.status = :status"
                                    + " group by i.type",
                            Object[].class)
                    .setParameter("org", org)
                    .setParameter("status", wanted)
                    .getResultList()
                    .forEach(row -> counts.put((ItemType) row[0], (Long) row[1]));
            return counts;
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"viewer", "operator", "admin"})
    public QueueItemView get(@PathParam("id") UUID id) {
        String org = caller.value();
        return QuarkusTransaction.requiringNew().call(() -> {
            QueueItem item = QueueItem.findById(id);
            if (item == null || !item.org.equals(org)) {
                throw new NotFoundException("no queue item '" + id + "'");
            }
            return QueueItemView.of(item);
        });
    }

    @POST
    @Path("{id}/apply")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"operator", "admin"})
    @Operation(summary = "Apply an item: its effect is published once, however often this is called")
    public QueueItemView apply(@PathParam("id") UUID id) {
        QueueItem item = decisions
                .apply(id, caller.value(), caller.actor(), false)
                .orElseThrow(() -> new NotFoundException("no queue item '" + id + "'"));
        if (item.status == ItemStatus.SKIPPED || item.status == ItemStatus.SUPERSEDED) {
            throw new ClientErrorException("item " + id + " is " + item.status + " and cannot be applied", 409);
        }
        return QueueItemView.of(item);
    }

    @POST
    @Path("{id}/skip")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"operator", "admin"})
    @Operation(summary = "Skip an item, with an optional reason")
    public QueueItemView skip(@PathParam("id") UUID id, SkipRequest request) {
        requireReason(request == null ? null : request.reason());
        QueueItem item = decisions
                .skip(id, caller.value(), caller.actor(), request == null ? null : request.reason())
                .orElseThrow(() -> new NotFoundException("no queue item '" + id + "'"));
        if (item.status == ItemStatus.APPLIED || item.status == ItemStatus.SUPERSEDED) {
            throw new ClientErrorException("item " + id + " is " + item.status + " and cannot be skipped", 409);
        }
        return QueueItemView.of(item);
    }

    @POST
    @Path("apply")
    @RolesAllowed({"operator", "admin"})
    @Operation(summary = "Apply every item matching a filter (pending by default, at most 1000)")
    public BulkResult applyAll(Filter filter) {
        String org = caller.value();
        List<UUID> ids = matching(org, filter);
        Map<ItemStatus, Integer> outcomes = new EnumMap<>(ItemStatus.class);
        for (UUID id : ids) {
            decisions.apply(id, org, caller.actor(), false).ifPresent(i -> outcomes.merge(i.status, 1, Integer::sum));
        }
        return new BulkResult(ids.size(), outcomes);
    }

    @POST
    @Path("skip")
    @RolesAllowed({"operator", "admin"})
    @Operation(summary = "Skip every item matching a filter (pending by default, at most 1000)")
    public BulkResult skipAll(BulkSkipRequest request) {
        requireReason(request == null ? null : request.reason());
        String org = caller.value();
        List<UUID> ids = matching(org, request == null ? null : request.filter());
        Map<ItemStatus, Integer> outcomes = new EnumMap<>(ItemStatus.class);
        for (UUID id : ids) {
            decisions
                    .skip(id, org, caller.actor(), request == null ? null : request.reason())
                    .ifPresent(i -> outcomes.merge(i.status, 1, Integer::sum));
        }
        return new BulkResult(ids.size(), outcomes);
    }

    private List<UUID> matching(String org, Filter filter) {
        Filter f = filter == null ? new Filter(null, null, null, null, null) : filter;
        Filter pending = new Filter(
                f.status() == null ? ItemStatus.PENDING : f.status(),
                f.type(),
                f.propertyId(),
                f.connectionId(),
                f.ids());
        return QuarkusTransaction.requiringNew()
                .call(() -> find(org, pending, MAX_BULK).stream().map(i -> i.id).toList());
    }

    static List<QueueItem> find(String org, Filter filter, int limit) {
        return ItemQuery.NEWEST.find(org, filter, limit);
    }

    /** The where-clause of a filter, added to {@code query} with its parameters. */
    static void where(Filter filter, StringBuilder query, Parameters parameters) {
        if (filter.status() != null) {
            query.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.type() != null) {
            query.append(" and type = :type");
            parameters.and("type", filter.type());
        }
        if (filter.propertyId() != null) {
            query.append(" and propertyId = :propertyId");
            parameters.and("propertyId", filter.propertyId());
        }
        if (filter.connectionId() != null) {
            query.append(" and connectionId = :connectionId");
            parameters.and("connectionId", filter.connectionId());
        }
        if (filter.ids() != null && !filter.ids().isEmpty()) {
            query.append(" and id in :ids");
            parameters.and("ids", new ArrayList<>(filter.ids()));
        }
    }

    /** The column holds 500 characters: a longer reason is the caller's mistake (400), not a server error. */
    private static void requireReason(String reason) {
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw new BadRequestException("field 'reason' must be at most " + MAX_REASON_LENGTH + " characters");
        }
    }

    private static final int MAX_REASON_LENGTH = 500;
}
