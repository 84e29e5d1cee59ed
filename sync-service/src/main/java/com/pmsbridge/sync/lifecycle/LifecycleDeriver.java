package com.pmsbridge.sync.lifecycle;

import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.LifecycleType;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.sync.projection.EntityState;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Derives lifecycle transitions from an applied change. A snapshot (op r) of an entity we did not know yet only sets
 * state: facts already true before the first sync are not news. Event ids derive from the causing event, so
 * reprocessing gives the same ids.
 */
@ApplicationScoped
public class LifecycleDeriver {
    static final String STATUS = "status";
    static final String MOVE_OUT_DATE = "moveOutDate";

    public List<LifecycleEvent> derive(
            ChangeEvent event,
            boolean existedBefore,
            Map<String, Object> before,
            EntityState after,
            List<String> changed) {
        if (changed.isEmpty() || (event.op() == Op.SNAPSHOT && !existedBefore)) {
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
            events.add(toEvent(type, event, existedBefore, before, after, changed));
        }
        return events;
    }

    private static List<LifecycleType> lease(
            boolean existedBefore, Map<String, Object> before, EntityState after, List<String> changed) {
        List<LifecycleType> types = new ArrayList<>();
        if (after.deleted) {
            return existedBefore ? List.of(LifecycleType.LEASE_ARCHIVED) : List.of();
        }
        types.add(existedBefore ? LifecycleType.LEASE_MODIFIED : LifecycleType.LEASE_CREATED);
        Object status = after.data.get(STATUS);
        if (changed.contains(STATUS) && "CURRENT".equals(status)) {
            types.add(LifecycleType.MOVE_IN);
        }
        boolean endedNow = changed.contains(STATUS) && "PAST".equals(status);
        boolean moveOutSet = changed.contains(MOVE_OUT_DATE)
                && after.data.get(MOVE_OUT_DATE) != null
                && before.get(MOVE_OUT_DATE) == null;
        if (endedNow || moveOutSet) {
            types.add(LifecycleType.MOVE_OUT);
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
            List<String> changed) {
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
        String id = UUID.nameUUIDFromBytes((cause.eventId() + "|" + type).getBytes(StandardCharsets.UTF_8))
                .toString();
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
                cause.occurredAt());
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
