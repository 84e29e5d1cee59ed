package com.pmsbridge.sync.projection;

import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.ChangeLimits;
import com.pmsbridge.contract.event.Op;

import java.util.Map;

/**
 * Whether a change may be merged into its entity's state at all: an entity is one organisation's for good, and a
 * state (the union of every field pushed) stays within {@link ChangeLimits} so its record always fits on Kafka.
 */
final class ChangeAdmission {
    private ChangeAdmission() {}

    /** Why the change is refused (a reason for the dead-letter topic), or null when it may be merged. */
    static String refusal(EntityState known, ChangeEvent event, String key) {
        if (known == null) {
            return null;
        }
        if (known.org != null && !known.org.equals(event.org())) {
            return "organisation_mismatch: entity " + key + " belongs to another organisation";
        }
        if (event.op() != Op.DELETE && !fitsAfter(known, event)) {
            return "state_size_limit: entity " + key + " would have more than " + ChangeLimits.MAX_FIELDS
                    + " fields or " + ChangeLimits.MAX_STATE_CHARS + " characters";
        }
        return null;
    }

    /** Whether the state stays within the limits with the change merged in (as if every field were taken). */
    private static boolean fitsAfter(EntityState state, ChangeEvent event) {
        int fields = state.data.size();
        long chars = 0;
        for (Map.Entry<String, Object> field : state.data.entrySet()) {
            if (!event.data().containsKey(field.getKey())) {
                chars += field.getKey().length() + ChangeLimits.chars(field.getValue());
            }
        }
        for (Map.Entry<String, Object> field : event.data().entrySet()) {
            if (!state.data.containsKey(field.getKey())) {
                fields++;
            }
            chars += field.getKey().length() + ChangeLimits.chars(field.getValue());
        }
        return fields <= ChangeLimits.MAX_FIELDS && chars <= ChangeLimits.MAX_STATE_CHARS;
    }
}
