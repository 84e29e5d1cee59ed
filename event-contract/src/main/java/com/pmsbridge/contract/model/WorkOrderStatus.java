package com.pmsbridge.contract.model;

/** Where a work order is. */
public enum WorkOrderStatus {
    NEW,
    ASSIGNED,
    IN_PROGRESS,
    /** Put off: neither being worked on nor finished (Buildium's Deferred). */
    ON_HOLD,
    COMPLETED,
    CANCELLED
}
