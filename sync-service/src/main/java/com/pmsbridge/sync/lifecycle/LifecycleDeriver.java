package com.pmsbridge.sync.lifecycle;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.Ids;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.LifecycleType;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.contract.model.LeaseStatus;
import com.pmsbridge.sync.projection.EntityState;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Derives lifecycle transitions from an applied change. A snapshot (op r) of an entity we did not know yet only sets
 * state while its connection has had no completed Sync: facts already true before the first sync are not news; after
 * that, what a Sync finds is, marked as found by the Sync. Event ids derive from the causing event, so reprocessing
 * gives the same ids.
 */
@ApplicationScoped
public class LifecycleDeriver {
    static final String STATUS = "status";
    static final String MOVE_OUT_DATE = "moveOutDate";
    /** Carried by move-in, move-out and archiving, whether changed or not: access tools need to know who. */
    static final String RESIDENT_IDS = "residentIds";

    /**
     * @param connectionSynced whether the change's connection has completed a Sync before (asked only for a
     *                         snapshot of an entity not seen before)
     */
    public List<LifecycleEvent> derive(
            ChangeEvent event,
            boolean existedBefore,
            Map<String, Object> before,
            EntityState after,
            List<String> changed,
            BooleanSupplier connectionSynced) {
        boolean snapshot = event.op() == Op.SNAPSHOT;
        if (changed.isEmpty() || (snapshot && !existedBefore && !connectionSynced.getAsBoolean())) {
            return List.of();
        }
        List<LifecycleType> types = switch (event.entityType()) {
            case LEASE -> lease(existedBefore, before, after, changed);
            case RESIDENT ->
                simple(
                        existedBefore,
                        after,
                        LifecycleType.RESIDENT_CREATED,
                        LifecycleType.RESIDENT_MODIFIED,
                        LifecycleType.RESIDENT_DELETED);
            case WORKORDER -> workOrder(existedBefore, after, changed);
            default -> List.of();
        };
        List<LifecycleEvent> events = new ArrayList<>();
        for (LifecycleType type : types) {
            events.add(toEvent(type, event, existedBefore, before, after, changed, snapshot));
        }
        return events;
    }

    /**
     * A new lease is created (and moved in when current); a known one moves in, moves out or ends (archiving), each
     * item carrying the lease's change; only a change that is none of these is a modification.
     */
    private static List<LifecycleType> lease(
            boolean existedBefore, Map<String, Object> before, EntityState after, List<String> changed) {
        if (after.deleted) {
            return existedBefore ? List.of(LifecycleType.LEASE_ARCHIVED) : List.of();
        }
        LeaseStatus status = LeaseStatus.of(after.data.get(STATUS));
        boolean statusChanged = changed.contains(STATUS);
        boolean ended =
                existedBefore && statusChanged && (status == LeaseStatus.PAST || status == LeaseStatus.CANCELLED);
        boolean moveOutSet = changed.contains(MOVE_OUT_DATE)
                && after.data.get(MOVE_OUT_DATE) != null
                && before.get(MOVE_OUT_DATE) == null;
        List<LifecycleType> types = new ArrayList<>();
        if (!existedBefore) {
            types.add(LifecycleType.LEASE_CREATED);
        }
        if (statusChanged && status == LeaseStatus.CURRENT) {
            types.add(LifecycleType.MOVE_IN);
        }
        // a lease that ends without a move-out date was never announced as moving out
        if (moveOutSet || (ended && status == LeaseStatus.PAST && before.get(MOVE_OUT_DATE) == null)) {
            types.add(LifecycleType.MOVE_OUT);
        }
        if (ended) {
            types.add(LifecycleType.LEASE_ARCHIVED);
        }
        if (types.isEmpty()) {
            types.add(LifecycleType.LEASE_MODIFIED);
        }
        return types;
    }

    private static List<LifecycleType> simple(
            boolean existedBefore,
            EntityState after,
            LifecycleType created,
            LifecycleType modified,
            LifecycleType deleted) {
        if (after.deleted) {
            return existedBefore ? List.of(deleted) : List.of();
        }
        return List.of(existedBefore ? modified : created);
    }

    private static List<LifecycleType> workOrder(boolean existedBefore, EntityState after, List<String> changed) {
        if (after.deleted) {
            return List.of();
        }
        if (!existedBefore) {
            return List.of(LifecycleType.WORK_ORDER_CREATED);
        }
        return changed.contains(STATUS) ? List.of(LifecycleType.WORK_ORDER_STATUS_CHANGED) : List.of();
    }

    private static LifecycleEvent toEvent(
            LifecycleType type,
            ChangeEvent cause,
            boolean existedBefore,
            Map<String, Object> before,
            EntityState after,
            List<String> changed,
            boolean foundBySync) {
        Map<String, Object> beforeValues = new LinkedHashMap<>();
        Map<String, Object> afterValues = new LinkedHashMap<>();
        if (existedBefore) {
            for (String field : changed) {
                beforeValues.put(field, before.get(field));
                afterValues.put(field, after.deleted ? null : after.data.get(field));
            }
        } else {
            afterValues.putAll(after.data);
        }
        boolean access =
                type == LifecycleType.MOVE_IN || type == LifecycleType.MOVE_OUT || type == LifecycleType.LEASE_ARCHIVED;
        Object residents =
                after.data.containsKey(RESIDENT_IDS) ? after.data.get(RESIDENT_IDS) : before.get(RESIDENT_IDS);
        if (access && residents != null) {
            afterValues.putIfAbsent(RESIDENT_IDS, residents);
        }
        String id = Ids.derived(cause.eventId(), type).toString();
        return new LifecycleEvent(
                LifecycleEvent.SCHEMA_VERSION,
                id,
                type,
                cause.org(),
                cause.connectionId(),
                cause.entityType(),
                after.entityKey,
                text(after.data.get("propertyId")),
                text(after.data.get("unitId")),
                existedBefore ? List.copyOf(changed) : List.of(),
                beforeValues,
                afterValues,
                List.of(cause.eventId()),
                cause.occurredAt(),
                foundBySync);
    }

    /** The same change as a lease modification, for a milestone that was announced already. */
    public static LifecycleEvent asModification(LifecycleEvent event) {
        String id = Ids.derived(event.causedBy().getFirst(), LifecycleType.LEASE_MODIFIED)
                .toString();
        return new LifecycleEvent(
                event.schemaVersion(),
                id,
                LifecycleType.LEASE_MODIFIED,
                event.org(),
                event.connectionId(),
                event.entityType(),
                event.entityKey(),
                event.propertyId(),
                event.unitId(),
                event.changedFields(),
                event.before(),
                event.after(),
                event.causedBy(),
                event.occurredAt(),
                event.foundBySync());
    }

    /** A JSON list of texts as stored in a state's data (resident ids), or an empty list. */
    static List<Object> list(String json) {
        try {
            return List.of(ContractJson.mapper().readValue(json, Object[].class));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
