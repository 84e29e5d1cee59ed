package com.pmsbridge.sync.conflict;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

/**
 * Orders the versions PMSes put on records: ISO-8601 last-modified times, numeric revision counters, or opaque
 * strings (compared lexicographically as a last resort). Deterministic, so every replica orders alike.
 */
public final class SourceVersions {
    public static final Comparator<String> ORDER = SourceVersions::compare;

    private SourceVersions() {
    }

    public static int compare(String a, String b) {
        Instant ia = instant(a);
        Instant ib = instant(b);
        if (ia != null && ib != null) {
            return ia.compareTo(ib);
        }
        Long na = number(a);
        Long nb = number(b);
        if (na != null && nb != null) {
            return Long.compare(na, nb);
        }
        return a.compareTo(b);
    }

    public static boolean isOlder(String candidate, String current) {
        return current != null && compare(candidate, current) < 0;
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
