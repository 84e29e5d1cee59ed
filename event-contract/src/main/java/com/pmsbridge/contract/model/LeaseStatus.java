package com.pmsbridge.contract.model;

/** Where a lease is in its life. PAST means ended; a PAST lease is archived after move-out. */
public enum LeaseStatus {
    FUTURE,
    CURRENT,
    PAST,
    CANCELLED;

    /** The status a state's field holds, or null when it holds none or a value this version does not know. */
    public static LeaseStatus of(Object value) {
        if (value instanceof LeaseStatus status) {
            return status;
        }
        for (LeaseStatus status : values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        return null;
    }
}
