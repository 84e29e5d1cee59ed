package com.pmsbridge.contract;

import java.util.Objects;

/**
 * The canonical key of an entity: its type, the connection it came from and the PMS's own id.
 * Connection ids are unique across organisations, so the key is globally unique. Kafka records are keyed
 * by {@link #value()} so that one entity's events stay ordered in one partition.
 */
public record EntityKey(EntityType type, String connectionId, String externalId) {
    private static final String SEPARATOR = ":";

    public EntityKey {
        Objects.requireNonNull(type, "type");
        requireText(connectionId, "connectionId");
        requireText(externalId, "externalId");
    }

    public String value() {
        return type.wireName() + SEPARATOR + connectionId + SEPARATOR + externalId;
    }

    public static EntityKey parse(String value) {
        String[] parts = value.split(SEPARATOR, 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "entity key must look like <type>:<connection>:<id>, got '" + value + "'");
        }
        return new EntityKey(EntityType.fromWireName(parts[0]), parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return value();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
