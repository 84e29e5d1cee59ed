package com.pmsbridge.sync.conflict;

import java.util.Collection;
import java.util.Map;

/**
 * How a shared field resolves when the PMS sends a value while the hub's own edit of it awaits the PMS's confirmation
 * (docs/sync-service.md has the table). Where the hub wins, its value is written back, so the two sides converge.
 */
public enum ConflictRule {
    PMS_WINS,
    HUB_WINS,
    LATEST_WINS,
    /** The PMS's value, unless it is blank: then the value held stays (also when no hub edit is pending). */
    PREFER_PMS_UNLESS_BLANK,
    /** The hub's value, unless it is blank: then the PMS's. */
    PREFER_HUB_UNLESS_BLANK;

    public static ConflictRule parse(String value) {
        String wire = value == null ? "" : value.trim().toLowerCase();
        for (ConflictRule rule : values()) {
            if (rule.wireName().equals(wire)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("unknown conflict rule '" + value + "' (expected pms-wins, hub-wins,"
                + " latest-wins, prefer-pms-unless-blank or prefer-hub-unless-blank)");
    }

    public String wireName() {
        return name().toLowerCase().replace('_', '-');
    }

    /**
     * Whether the PMS's value wins over the hub's pending one.
     *
     * @param pmsIsNewer whether the PMS's version is not older than the hub edit's (for latest-wins)
     */
    public boolean pmsWins(Object pmsValue, Object hubValue, boolean pmsIsNewer) {
        return switch (this) {
            case PMS_WINS -> true;
            case HUB_WINS -> false;
            case LATEST_WINS -> pmsIsNewer;
            case PREFER_PMS_UNLESS_BLANK -> !blank(pmsValue);
            case PREFER_HUB_UNLESS_BLANK -> blank(hubValue);
        };
    }

    /** Null, an empty or all-space text, an empty list or map. */
    public static boolean blank(Object value) {
        return value == null
                || (value instanceof CharSequence text && text.toString().isBlank())
                || (value instanceof Collection<?> list && list.isEmpty())
                || (value instanceof Map<?, ?> map && map.isEmpty());
    }
}
