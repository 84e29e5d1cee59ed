package com.pmsbridge.sync.projection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a change, or a field's current value, came from. The wire name is what the event store and states hold. */
public enum Source {
    /** A PMS, through a webhook, a poll or a Sync. */
    PMS("pms"),
    /** An edit made in PMS Bridge (an operator or an API client). */
    HUB("hub"),
    /** A delete that reconciliation derived: a Sync's snapshot no longer held the entity. */
    RECONCILIATION("reconcile");

    private final String wireName;

    Source(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The source of a stored wire name; null for none (field versions written before sources were recorded). */
    @JsonCreator
    public static Source fromWireName(String name) {
        if (name == null) {
            return null;
        }
        for (Source source : values()) {
            if (source.wireName.equals(name)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown source '" + name + "'");
    }
}
