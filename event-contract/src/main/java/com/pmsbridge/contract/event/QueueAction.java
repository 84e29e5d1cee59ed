package com.pmsbridge.contract.event;

import java.time.Instant;
import java.util.Map;

/**
 * The effect of an applied Integration Queue item, on {@code pms.queue.actions.v1}, for downstream tools (smart locks,
 * resident apps). {@code eventId} is the item id: an item's effect is published under one id however often it is
 * retried, so consumers apply it once.
 *
 * @param action      what downstream should do
 * @param itemId      the queue item
 * @param itemType    the item's type (MOVE_IN, ...)
 * @param appliedBy   token subject of the operator, or {@code automation}
 * @param automated   true when an auto-apply setting applied it
 * @param data        the entity's relevant values (ids and field values, as the PMS has them)
 */
public record QueueAction(
        int schemaVersion,
        String eventId,
        Action action,
        String org,
        String connectionId,
        String propertyId,
        String unitId,
        String entityKey,
        String itemId,
        String itemType,
        String appliedBy,
        boolean automated,
        Map<String, Object> data,
        Instant appliedAt) {

    public static final int SCHEMA_VERSION = 1;

    public enum Action {
        ACCESS_GRANTED,
        ACCESS_REVOKED,
        INVITATION_REQUESTED,
        RESIDENT_UPSERTED,
        RESIDENT_REMOVED,
        LEASE_UPSERTED,
        LEASE_ARCHIVED;

        public String cloudEventType() {
            return "com.pmsbridge.queue." + name().toLowerCase().replace('_', '-') + ".v1";
        }
    }
}
