package com.pmsbridge.queue.apply;

import com.pmsbridge.contract.event.QueueAction;
import com.pmsbridge.contract.model.CanonicalData;
import com.pmsbridge.contract.model.Lease;
import com.pmsbridge.queue.item.QueueItem;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What applying each item type means for downstream tools. */
final class Effects {
    private Effects() {}

    @SuppressWarnings("unchecked")
    static QueueAction of(QueueItem item, String actor, boolean automated) {
        QueueAction.Action action = switch (item.type) {
            case MOVE_IN -> requireWhoAndWhere(item, QueueAction.Action.ACCESS_GRANTED, "move-in");
            case MOVE_OUT -> requireWhoAndWhere(item, QueueAction.Action.ACCESS_REVOKED, "move-out");
            case RESIDENT_INVITATION -> QueueAction.Action.INVITATION_REQUESTED;
            case RESIDENT_CREATION, RESIDENT_MODIFICATION -> QueueAction.Action.RESIDENT_UPSERTED;
            case RESIDENT_DELETION -> QueueAction.Action.RESIDENT_REMOVED;
            case LEASE_CREATION, LEASE_MODIFICATION -> QueueAction.Action.LEASE_UPSERTED;
            case LEASE_ARCHIVING -> QueueAction.Action.LEASE_ARCHIVED;
        };
        Map<String, Object> data = new LinkedHashMap<>();
        Object after = item.changes == null ? null : item.changes.get("after");
        if (after instanceof Map<?, ?> values) {
            data.putAll((Map<String, Object>) values);
        }
        return new QueueAction(
                QueueAction.SCHEMA_VERSION,
                item.id.toString(),
                action,
                item.org,
                item.connectionId,
                item.propertyId,
                item.unitId,
                item.entityKey,
                item.id.toString(),
                item.type.name(),
                actor,
                automated,
                data,
                Instant.now());
    }

    /** An access grant or revoke names the unit and the residents: a lock cannot open a door to nobody. */
    private static QueueAction.Action requireWhoAndWhere(QueueItem item, QueueAction.Action action, String what) {
        if (item.unitId == null || item.unitId.isBlank()) {
            throw new EffectFailedException(what + " needs the unit the lease is for, and the PMS sent none");
        }
        List<String> residents = lease(item).residentIds();
        if (residents == null || residents.isEmpty()) {
            throw new EffectFailedException(what + " needs the lease's residents, and the PMS sent none");
        }
        return action;
    }

    /** The lease as the item's change shows it (a modification shows the fields that changed, and the residents). */
    @SuppressWarnings("unchecked")
    private static Lease lease(QueueItem item) {
        Object after = item.changes == null ? null : item.changes.get("after");
        try {
            return CanonicalData.read(
                    Lease.class, after instanceof Map<?, ?> values ? (Map<String, ?>) values : Map.of());
        } catch (IllegalArgumentException e) {
            throw new EffectFailedException("the lease's change does not fit the canonical model: " + e.getMessage());
        }
    }
}
