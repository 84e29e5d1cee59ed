package com.pmsbridge.contract.model;

/** Where a lease is in its life. PAST means ended; a PAST lease is archived after move-out. */
public enum LeaseStatus {
    FUTURE,
    CURRENT,
    PAST,
    CANCELLED
}
