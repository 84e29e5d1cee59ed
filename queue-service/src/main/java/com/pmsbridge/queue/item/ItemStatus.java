package com.pmsbridge.queue.item;

public enum ItemStatus {
    PENDING,
    APPLIED,
    SKIPPED,
    FAILED,
    SUPERSEDED
}
