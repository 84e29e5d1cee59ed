package com.pmsbridge.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.model.CanonicalData;
import com.pmsbridge.contract.model.CanonicalEntity;

import java.util.Map;

/**
 * The current state of one entity: the value on its compacted topic {@code pms.<entity>.state.v1}, keyed by entity
 * key. A deleted entity's value is null (a tombstone).
 *
 * @param entityKey    {@code <entity>:<connectionId>:<externalId>}
 * @param org          organisation that owns the connection
 * @param connectionId the PMS connection the entity belongs to
 * @param entityType   canonical entity type
 * @param version      the version of the newest change applied (the PMS's, or the hub's for a hub edit)
 * @param data         the entity's fields, as its type's canonical record ({@link EntityType#model()}) names them;
 *                     a generic connection may add fields of its own
 */
public record CurrentState(
        String entityKey,
        String org,
        String connectionId,
        EntityType entityType,
        String version,
        Map<String, Object> data) {

    /** {@code data} read as its type's canonical record. */
    @JsonIgnore
    public CanonicalEntity entity() {
        return CanonicalData.read(entityType, data);
    }
}
