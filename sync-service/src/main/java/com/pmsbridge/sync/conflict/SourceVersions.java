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

    private SourceVersions() {}

    public static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (sameUtcShape(a, b)) {
            // the hot path of the projection: parsing two instants per field and event cost more than the merge
            return Integer.signum(a.compareTo(b));
        }
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

    /**
     * True when both are UTC ISO-8601 times written alike (same length, digits and separators in the same places,
     * ending in Z), e.g. {@code 2026-11-23T09:00:00Z}: their text order is then their time order.
     */
    static boolean sameUtcShape(String a, String b) {
        int length = a.length();
        if (length != b.length()
                || length < 20
                || a.charAt(length - 1) != 'Z'
                || b.charAt(length - 1) != 'Z'
                || a.charAt(10) != 'T'
                || b.charAt(10) != 'T') {
            return false;
        }
        for (int i = 0; i < length - 1; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            boolean digit = x >= '0' && x <= '9';
            if (digit != (y >= '0' && y <= '9') || !digit && x != y) {
                return false;
            }
        }
        // yyyy-MM-ddTHH:mm:ss, optionally .fraction; b has the same separators, checked above
        return a.charAt(4) == '-'
                && a.charAt(7) == '-'
                && a.charAt(13) == ':'
                && a.charAt(16) == ':'
                && (length == 20 || a.charAt(19) == '.');
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
