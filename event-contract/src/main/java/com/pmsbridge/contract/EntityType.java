package com.pmsbridge.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** The canonical entity types every PMS is mapped onto. The wire name is part of topic names and entity keys. */
public enum EntityType {
    PROPERTY("property"),
    UNIT("unit"),
    RESIDENT("resident"),
    LEASE("lease"),
    WORKORDER("workorder"),
    VENDOR("vendor"),
    LEAD("lead"),
    CHARGE("charge");

    private final String wireName;

    EntityType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static EntityType fromWireName(String name) {
        return Arrays.stream(values())
                .filter(t -> t.wireName.equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown entity type '" + name + "'"));
    }
}
