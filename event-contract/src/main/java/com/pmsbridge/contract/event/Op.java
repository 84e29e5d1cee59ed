package com.pmsbridge.contract.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Change operation, as in Debezium: create, update, delete, and read (a snapshot from a connector Sync). */
public enum Op {
    CREATE("c"),
    UPDATE("u"),
    DELETE("d"),
    SNAPSHOT("r");

    private final String code;

    Op(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Op fromCode(String code) {
        for (Op op : values()) {
            if (op.code.equals(code)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown op '" + code + "' (expected c, u, d or r)");
    }
}
