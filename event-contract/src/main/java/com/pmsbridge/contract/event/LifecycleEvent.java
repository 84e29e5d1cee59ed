package com.pmsbridge.contract.event;

import com.pmsbridge.contract.EntityType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A lifecycle transition of one entity, published by sync-service on {@code pms.domain-events.v1}.
 *
 * @param schemaVersion  version of this payload shape
 * @param eventId        unique id (CloudEvents {@code ce_id}); consumers dedupe on it
 * @param type           which transition
 * @param org            organisation
 * @param connectionId   PMS connection
 * @param entityType     entity type of the subject
 * @param entityKey      canonical key of the subject
 * @param propertyId     PMS id of the property the entity belongs to, when known
 * @param unitId         PMS id of the unit, when known
 * @param changedFields  fields that changed (for *_MODIFIED); empty otherwise
 * @param before         values of the changed fields before, empty for a creation
 * @param after          values after (the full state for a creation)
 * @param causedBy       ids of the change events that caused this transition
 * @param occurredAt     when the causing change happened in the PMS
 * @param foundBySync    the transition was found by a connector Sync (a record that appeared without a webhook or
 *                       poll telling of it), not reported as it happened; absent (false) in records before it existed
 */
public record LifecycleEvent(
        int schemaVersion,
        String eventId,
        LifecycleType type,
        String org,
        String connectionId,
        EntityType entityType,
        String entityKey,
        String propertyId,
        String unitId,
        List<String> changedFields,
        Map<String, Object> before,
        Map<String, Object> after,
        List<String> causedBy,
        Instant occurredAt,
        boolean foundBySync) {

    public static final int SCHEMA_VERSION = 1;

    /** A transition reported as it happened (not found by a Sync). */
    public LifecycleEvent(
            int schemaVersion,
            String eventId,
            LifecycleType type,
            String org,
            String connectionId,
            EntityType entityType,
            String entityKey,
            String propertyId,
            String unitId,
            List<String> changedFields,
            Map<String, Object> before,
            Map<String, Object> after,
            List<String> causedBy,
            Instant occurredAt) {
        this(
                schemaVersion,
                eventId,
                type,
                org,
                connectionId,
                entityType,
                entityKey,
                propertyId,
                unitId,
                changedFields,
                before,
                after,
                causedBy,
                occurredAt,
                false);
    }
}
