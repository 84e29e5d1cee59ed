package com.pmsbridge.queue.intake;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Ids;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.model.CanonicalData;
import com.pmsbridge.contract.model.Resident;
import com.pmsbridge.queue.item.ItemStatus;
import com.pmsbridge.queue.item.ItemType;
import com.pmsbridge.queue.item.QueueItem;
import com.pmsbridge.queue.log.ActionLog;
import com.pmsbridge.service.tracing.TraceContexts;
import io.micrometer.core.instrument.MeterRegistry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns one lifecycle event into its queue items, with the queue's hygiene: the same event twice makes one item (the
 * item id derives from the event id); a newer item for the same entity and type supersedes an older pending one
 * (modifications carry the older changes forward); and pending items that the PMS has already made moot (a move-in
 * of a lease that is now archived) are marked as suggested Skips.
 */
@ApplicationScoped
public class ItemIntake {
    /** When an item of the key type arrives, pending items of these types for the same entity are moot. */
    private static final Map<ItemType, List<ItemType>> MAKES_MOOT = Map.of(
            ItemType.LEASE_ARCHIVING,
                    List.of(ItemType.MOVE_IN, ItemType.MOVE_OUT, ItemType.LEASE_CREATION, ItemType.LEASE_MODIFICATION),
            ItemType.MOVE_OUT, List.of(ItemType.MOVE_IN),
            ItemType.RESIDENT_DELETION,
                    List.of(ItemType.RESIDENT_CREATION, ItemType.RESIDENT_MODIFICATION, ItemType.RESIDENT_INVITATION));

    private final ActionLog log;
    private final MeterRegistry metrics;

    ItemIntake(ActionLog log, MeterRegistry metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    /** Creates the event's items (none when they exist already); returns the new ones. */
    @Transactional
    public List<QueueItem> accept(LifecycleEvent event) {
        List<QueueItem> created = new ArrayList<>();
        for (ItemType type : ItemType.of(event.type(), hasEmail(event))) {
            UUID id = Ids.derived("item", event.eventId(), type);
            if (QueueItem.findById(id) != null) {
                metrics.counter("pms_queue_duplicates_total").increment();
                continue;
            }
            QueueItem item = newItem(id, type, event);
            supersedeOlder(item);
            markMoot(item);
            item.persist();
            metrics.counter("pms_queue_items_created_total", "type", type.name())
                    .increment();
            created.add(item);
        }
        return created;
    }

    /** Whether a resident can be invited: a resident's change that carries an email address. */
    private static boolean hasEmail(LifecycleEvent event) {
        if (event.entityType() != EntityType.RESIDENT || event.after() == null) {
            return false;
        }
        try {
            String email = CanonicalData.read(Resident.class, event.after()).email();
            return email != null && !email.isBlank();
        } catch (IllegalArgumentException e) {
            return false; // an address that is no string invites nobody; the resident's item is still created
        }
    }

    private static QueueItem newItem(UUID id, ItemType type, LifecycleEvent event) {
        QueueItem item = new QueueItem();
        item.id = id;
        item.org = event.org();
        item.connectionId = event.connectionId();
        item.propertyId = event.propertyId();
        item.unitId = event.unitId();
        item.entityType = event.entityType().wireName();
        item.entityKey = event.entityKey();
        item.type = type;
        item.status = ItemStatus.PENDING;
        item.summary = Summaries.of(type, event);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("fields", event.changedFields());
        changes.put("before", event.before());
        changes.put("after", event.after());
        item.changes = changes;
        item.sourceEventId = event.eventId();
        item.foundBySync = event.foundBySync();
        item.traceParent = TraceContexts.currentTraceparent();
        item.createdAt = Instant.now();
        item.updatedAt = item.createdAt;
        return item;
    }

    @SuppressWarnings("unchecked")
    private void supersedeOlder(QueueItem newer) {
        List<QueueItem> older = QueueItem.list(
                "org = ?1 and entityKey = ?2 and type = ?3 and status = ?4",
                newer.org,
                newer.entityKey,
                newer.type,
                ItemStatus.PENDING);
        for (QueueItem old : older) {
            if (newer.type.isModification()) {
                // carry the older changes forward: the oldest "before" and the newest "after" of every field
                Map<String, Object> before =
                        new LinkedHashMap<>((Map<String, Object>) old.changes.getOrDefault("before", Map.of()));
                ((Map<String, Object>) newer.changes.getOrDefault("before", Map.of())).forEach(before::putIfAbsent);
                Map<String, Object> after =
                        new LinkedHashMap<>((Map<String, Object>) old.changes.getOrDefault("after", Map.of()));
                after.putAll((Map<String, Object>) newer.changes.getOrDefault("after", Map.of()));
                List<String> fields = new ArrayList<>(before.keySet());
                newer.changes.put("fields", fields);
                newer.changes.put("before", before);
                newer.changes.put("after", after);
                newer.summary = newer.summary.replaceFirst("\\(.*\\)", "(" + String.join(", ", fields) + ")");
            }
            old.status = ItemStatus.SUPERSEDED;
            old.supersededBy = newer.id;
            old.updatedAt = Instant.now();
            log.item(old, "SUPERSEDE", ActionLog.AUTOMATION, "SUPERSEDED", "superseded by " + newer.id);
            metrics.counter("pms_queue_items_superseded_total", "type", old.type.name())
                    .increment();
        }
    }

    private void markMoot(QueueItem newer) {
        List<ItemType> moot = MAKES_MOOT.getOrDefault(newer.type, List.of());
        if (moot.isEmpty()) {
            return;
        }
        List<QueueItem> pending = QueueItem.list(
                "org = ?1 and entityKey = ?2 and type in ?3 and status = ?4",
                newer.org,
                newer.entityKey,
                moot,
                ItemStatus.PENDING);
        for (QueueItem item : pending) {
            item.suggestedSkip = true;
            item.suggestion = "the PMS already shows this as done or moot: "
                    + newer.type.name().toLowerCase().replace('_', ' ') + " arrived after it";
            item.updatedAt = Instant.now();
        }
    }
}
