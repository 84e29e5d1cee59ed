package com.pmsbridge.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.pmsbridge.contract.EntityKey;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.model.CanonicalData;
import com.pmsbridge.contract.model.CanonicalEntity;

import java.time.Instant;
import java.util.Map;

/**
 * A canonical change of one entity in one PMS, published by connector-service on {@code pms.<entity>.changes.v1}.
 *
 * @param schemaVersion version of this payload shape ({@link #SCHEMA_VERSION})
 * @param eventId       unique id of this event (also the CloudEvents {@code ce_id}); consumers dedupe on it
 * @param org           organisation that owns the connection; matches the {@code org} token claim
 * @param connectionId  the PMS connection the change came from
 * @param pmsType       the PMS kind (buildium, appfolio, generic, ...)
 * @param entityType    canonical entity type
 * @param externalId    the PMS's own id of the entity
 * @param op            c, u, d or r
 * @param sourceVersion the PMS's own version or last-updated time of the record; orders changes per entity
 * @param pmsEventId    the PMS's webhook event id when the change came from a webhook, else null
 * @param occurredAt    when the PMS says the change happened
 * @param receivedAt    when the connector received it
 * @param data          the entity's fields as its type's canonical record ({@link EntityType#model()}) names them, a
 *                      null for a field the PMS holds no value in; empty for a delete. A generic connection may add
 *                      fields of its own, which the model does not name
 * @param versionIsReadTime the PMS's record carries no change time, so {@code sourceVersion} is when it was read: it
 *                      orders reads, but cannot say that the PMS changed a field after a hub edit (absent: false)
 */
public record ChangeEvent(
        int schemaVersion,
        String eventId,
        String org,
        String connectionId,
        String pmsType,
        EntityType entityType,
        String externalId,
        Op op,
        String sourceVersion,
        String pmsEventId,
        Instant occurredAt,
        Instant receivedAt,
        Map<String, Object> data,
        boolean versionIsReadTime) {

    public static final int SCHEMA_VERSION = 1;

    /** A change whose version is the PMS's own change time (or revision). */
    public ChangeEvent(
            int schemaVersion,
            String eventId,
            String org,
            String connectionId,
            String pmsType,
            EntityType entityType,
            String externalId,
            Op op,
            String sourceVersion,
            String pmsEventId,
            Instant occurredAt,
            Instant receivedAt,
            Map<String, Object> data) {
        this(
                schemaVersion,
                eventId,
                org,
                connectionId,
                pmsType,
                entityType,
                externalId,
                op,
                sourceVersion,
                pmsEventId,
                occurredAt,
                receivedAt,
                data,
                false);
    }

    /** {@code data} read as its type's canonical record. */
    @JsonIgnore
    public CanonicalEntity entity() {
        return CanonicalData.read(entityType, data);
    }

    @JsonIgnore
    public EntityKey key() {
        return new EntityKey(entityType, connectionId, externalId);
    }

    /** The same change under another id (the connector derives ids from the delivery so redeliveries match). */
    public ChangeEvent withEventId(String newEventId) {
        return new ChangeEvent(
                schemaVersion,
                newEventId,
                org,
                connectionId,
                pmsType,
                entityType,
                externalId,
                op,
                sourceVersion,
                pmsEventId,
                occurredAt,
                receivedAt,
                data,
                versionIsReadTime);
    }

    /** CloudEvents type of a change of the given entity type. */
    public static String cloudEventType(EntityType type) {
        return "com.pmsbridge." + type.wireName() + ".changed.v1";
    }
}
