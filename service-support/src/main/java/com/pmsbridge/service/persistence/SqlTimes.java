package com.pmsbridge.service.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Native queries return timestamptz columns as Instant, OffsetDateTime or Timestamp depending on the driver path. */
public final class SqlTimes {
    private SqlTimes() {}

    public static Instant toInstant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default ->
                throw new IllegalArgumentException(
                        "not a time: " + value.getClass().getName());
        };
    }
}
