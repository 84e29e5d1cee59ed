package com.pmsbridge.contract.event;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bounds every change event keeps, checked by the connector (a webhook beyond them gets 400 naming the limit) and
 * again by sync-service (the one record goes to the dead-letter topic): ids fit their columns, no text holds a control
 * character PostgreSQL's COPY refuses, and an entity's state stays far below Kafka's 1 MB record limit.
 */
public final class ChangeLimits {
    /** Longest entity id and PMS event id. */
    public static final int MAX_ID_LENGTH = 200;
    /** Longest event id, organisation and connection id (the event store's columns). */
    public static final int MAX_SHORT_ID_LENGTH = 100;
    /** Longest version (a time or a PMS revision; the event store's column). */
    public static final int MAX_VERSION_LENGTH = 64;
    /** Most fields in one change, and in one entity's state. */
    public static final int MAX_FIELDS = 200;
    /** Longest field name. */
    public static final int MAX_FIELD_NAME_LENGTH = 100;
    /** Most characters in one field's value, nested values counted together. */
    public static final int MAX_FIELD_CHARS = 64_000;
    /**
     * Most characters in one change's fields, and in one entity's state: a state record (its data, the field versions
     * and the envelope) and a lifecycle event (before and after) stay below Kafka's 1 MB.
     */
    public static final int MAX_STATE_CHARS = 200_000;

    private ChangeLimits() {}

    /** What is wrong with the change, naming the limit, or empty when it keeps every bound. */
    public static Optional<String> violation(ChangeEvent event) {
        Object[][] ids = {
            {"eventId", event.eventId(), MAX_SHORT_ID_LENGTH},
            {"org", event.org(), MAX_SHORT_ID_LENGTH},
            {"connectionId", event.connectionId(), MAX_SHORT_ID_LENGTH},
            {"externalId", event.externalId(), MAX_ID_LENGTH},
            {"sourceVersion", event.sourceVersion(), MAX_VERSION_LENGTH},
            {"pmsEventId", event.pmsEventId(), MAX_ID_LENGTH}
        };
        for (Object[] id : ids) {
            Optional<String> problem = idViolation((String) id[0], (String) id[1], (Integer) id[2]);
            if (problem.isPresent()) {
                return problem;
            }
        }
        Map<String, Object> data = event.data() == null ? Map.of() : event.data();
        if (data.size() > MAX_FIELDS) {
            return Optional.of("field_limit: 'data' has " + data.size() + " fields; at most " + MAX_FIELDS);
        }
        long total = 0;
        for (Map.Entry<String, Object> field : data.entrySet()) {
            String name = field.getKey();
            if (name.length() > MAX_FIELD_NAME_LENGTH || hasControl(name)) {
                return Optional.of("field_name_limit: a field name is longer than " + MAX_FIELD_NAME_LENGTH
                        + " characters or holds a control character");
            }
            long chars = chars(field.getValue(), 0);
            if (chars < 0) {
                return Optional.of("field_text: field '" + name + "' holds the character U+0000");
            }
            if (chars > MAX_FIELD_CHARS) {
                return Optional.of("field_size_limit: field '" + name + "' has " + chars + " characters; at most "
                        + MAX_FIELD_CHARS);
            }
            total += chars + name.length();
        }
        if (total > MAX_STATE_CHARS) {
            return Optional.of(
                    "event_size_limit: the fields have " + total + " characters; at most " + MAX_STATE_CHARS);
        }
        return Optional.empty();
    }

    /** Why an entity or PMS event id is refused (too long, or a control character), or empty. */
    public static Optional<String> idViolation(String field, String value) {
        return idViolation(field, value, MAX_ID_LENGTH);
    }

    /** Why an id is refused against its own limit, or empty; null ids are left to the reader. */
    public static Optional<String> idViolation(String field, String value, int maxLength) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            return Optional.of("id_limit: '" + field + "' is longer than " + maxLength + " characters");
        }
        if (hasControl(value)) {
            return Optional.of("id_text: '" + field + "' holds a control character");
        }
        return Optional.empty();
    }

    /** Characters of a value with its nested values (what its JSON holds, roughly); -1 when a text holds U+0000. */
    public static long chars(Object value) {
        return chars(value, 0);
    }

    private static long chars(Object value, int depth) {
        if (value instanceof String text) {
            return text.indexOf('\u0000') >= 0 ? -1 : text.length();
        }
        if (depth > 20) {
            return MAX_FIELD_CHARS + 1L; // nesting this deep is not a PMS record
        }
        long total = 0;
        Collection<?> parts = value instanceof Map<?, ?> map
                ? Stream.concat(map.keySet().stream(), map.values().stream()).toList()
                : value instanceof Collection<?> list ? list : null;
        if (parts == null) {
            return value == null ? 0 : String.valueOf(value).length();
        }
        for (Object part : parts) {
            long size = chars(part, depth + 1);
            if (size < 0) {
                return -1;
            }
            total += size;
        }
        return total;
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
