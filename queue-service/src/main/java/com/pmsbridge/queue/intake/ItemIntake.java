package com.pmsbridge.queue.intake;

import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.queue.item.ItemStatus;
import com.pmsbridge.queue.item.ItemType;
import com.pmsbridge.queue.item.QueueItem;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Creates at most one item per lifecycle event: the item id derives from the event id. */
@ApplicationScoped
public class ItemIntake {
    private final EntityManager em;
    private final MeterRegistry metrics;

    ItemIntake(EntityManager em, MeterRegistry metrics) {
        this.em = em;
        this.metrics = metrics;
    }

    @Transactional
    public Optional<QueueItem> accept(LifecycleEvent event) {
        Optional<ItemType> type = ItemType.of(event.type());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        UUID id = UUID.nameUUIDFromBytes(("item|" + event.eventId()).getBytes(StandardCharsets.UTF_8));
        if (QueueItem.findById(id) != null) {
            metrics.counter("pms_queue_duplicates_total").increment();
            return Optional.empty();
        }
        QueueItem item = new QueueItem();
        item.id = id;
        item.org = event.org();
        item.connectionId = event.connectionId();
        item.propertyId = event.propertyId();
        item.unitId = event.unitId();
        item.entityType = event.entityType().wireName();
        item.entityKey = event.entityKey();
        item.type = type.get();
        item.status = ItemStatus.PENDING;
        item.summary = Summaries.of(type.get(), event);
        item.changes = changes(event);
        item.sourceEventId = event.eventId();
        item.createdAt = Instant.now();
        item.updatedAt = item.createdAt;
        item.persist();
        metrics.counter("pms_queue_items_created_total", "type", item.type.name()).increment();
        return Optional.of(item);
    }

    private static Map<String, Object> changes(LifecycleEvent event) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("fields", event.changedFields());
        changes.put("before", event.before());
        changes.put("after", event.after());
        return changes;
    }
}
