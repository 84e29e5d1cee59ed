package com.pmsbridge.sync.conflict;

/** How concurrent edits of a shared field resolve. */
public enum ConflictRule {
    PMS_WINS,
    HUB_WINS,
    LATEST_WINS;

    public static ConflictRule parse(String value) {
        return switch (value.trim().toLowerCase()) {
            case "pms-wins" -> PMS_WINS;
            case "hub-wins" -> HUB_WINS;
            case "latest-wins" -> LATEST_WINS;
            default ->
                throw new IllegalArgumentException(
                        "unknown conflict rule '" + value + "' (expected pms-wins, hub-wins or latest-wins)");
        };
    }

    public String wireName() {
        return name().toLowerCase().replace('_', '-');
    }
}
