package com.pmsbridge.queue.api;

import com.pmsbridge.queue.item.ItemStatus;
import com.pmsbridge.queue.item.ItemType;
import com.pmsbridge.queue.item.QueueItem;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.List;

/** The Events Queue, scoped to the caller's organisation. */
@Path("/api/v1/queue/items")
@Produces(MediaType.APPLICATION_JSON)
public class QueueItemResource {
    private static final int MAX_LIMIT = 500;
    private final CallerOrg caller;

    QueueItemResource(CallerOrg caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({"viewer", "operator", "admin"})
    @Operation(summary = "List queue items of the caller's organisation, newest first")
    public List<QueueItemView> list(@QueryParam("status") ItemStatus status, @QueryParam("type") ItemType type,
                                    @QueryParam("propertyId") String propertyId,
                                    @QueryParam("limit") @DefaultValue("100") int limit) {
        StringBuilder query = new StringBuilder("org = :org");
        Parameters parameters = Parameters.with("org", caller.value());
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (type != null) {
            query.append(" and type = :type");
            parameters.and("type", type);
        }
        if (propertyId != null) {
            query.append(" and propertyId = :propertyId");
            parameters.and("propertyId", propertyId);
        }
        List<QueueItem> items = QueueItem.find(query.toString(), Sort.descending("createdAt"), parameters)
                .page(0, Math.clamp(limit, 1, MAX_LIMIT)).list();
        List<QueueItemView> views = new ArrayList<>(items.size());
        items.forEach(item -> views.add(QueueItemView.of(item)));
        return views;
    }
}
