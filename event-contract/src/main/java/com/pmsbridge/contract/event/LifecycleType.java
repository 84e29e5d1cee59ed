package com.pmsbridge.contract.event;

/** Lifecycle transitions derived by sync-service from change events (past tense: these are facts). */
public enum LifecycleType {
    RESIDENT_CREATED,
    RESIDENT_MODIFIED,
    RESIDENT_DELETED,
    LEASE_CREATED,
    LEASE_MODIFIED,
    LEASE_ARCHIVED,
    MOVE_IN,
    MOVE_OUT,
    WORK_ORDER_CREATED,
    WORK_ORDER_STATUS_CHANGED,
    /** Both sides changed a shared field; the losing value is kept as a conflict record. */
    FIELD_CONFLICT_RECORDED;

    public String cloudEventType() {
        return "com.pmsbridge.lifecycle." + name().toLowerCase().replace('_', '-') + ".v1";
    }
}
