package com.pmsbridge.queue.api;

import com.pmsbridge.queue.item.ItemStatus;
import com.pmsbridge.queue.item.ItemType;
import com.pmsbridge.queue.item.QueueItem;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A queue item as the API shows it.
 *
 * @param downstream what the downstream tool last reported doing with the item's action, when it has reported
 */
public record QueueItemView(
        UUID id,
        String org,
        String connectionId,
        String propertyId,
        String unitId,
        String entityType,
        String entityKey,
        ItemType type,
        ItemStatus status,
        String summary,
        Map<String, Object> changes,
        List<String> sourceEventIds,
        boolean suggestedSkip,
        String suggestion,
        boolean foundBySync,
        UUID supersededBy,
        String decidedBy,
        Instant decidedAt,
        String reason,
        boolean automated,
        int attempts,
        Downstream downstream,
        Instant createdAt,
        Instant updatedAt) {

    static QueueItemView of(QueueItem item) {
        return new QueueItemView(
                item.id,
                item.org,
                item.connectionId,
                item.propertyId,
                item.unitId,
                item.entityType,
                item.entityKey,
                item.type,
                item.status,
                item.summary,
                item.changes,
                List.of(item.sourceEventId),
                item.suggestedSkip,
                item.suggestion,
                item.foundBySync,
                item.supersededBy,
                item.decidedBy,
                item.decidedAt,
                item.reason,
                item.automated,
                item.attempts,
                item.downstreamOutcome == null
                        ? null
                        : new Downstream(
                                item.downstreamOutcome,
                                item.downstreamDetail,
                                item.downstreamReportedBy,
                                item.downstreamReportedAt),
                item.createdAt,
                item.updatedAt);
    }

    /** A downstream tool's latest report on the item's action. */
    public record Downstream(String outcome, String detail, String reportedBy, Instant reportedAt) {}
}
