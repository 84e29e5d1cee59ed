package com.pmsbridge.queue.item;

import com.pmsbridge.contract.event.LifecycleType;

import java.util.Optional;

/** The kinds of Integration Queue items, each made from one lifecycle transition. */
public enum ItemType {
    RESIDENT_CREATION, RESIDENT_MODIFICATION, RESIDENT_DELETION, RESIDENT_INVITATION,
    LEASE_CREATION, LEASE_MODIFICATION, LEASE_ARCHIVING, MOVE_IN, MOVE_OUT;

    /** The item a lifecycle transition asks for; work-order transitions need no operator decision. */
    public static Optional<ItemType> of(LifecycleType type) {
        return Optional.ofNullable(switch (type) {
            case RESIDENT_CREATED -> RESIDENT_CREATION;
            case RESIDENT_MODIFIED -> RESIDENT_MODIFICATION;
            case RESIDENT_DELETED -> RESIDENT_DELETION;
            case LEASE_CREATED -> LEASE_CREATION;
            case LEASE_MODIFIED -> LEASE_MODIFICATION;
            case LEASE_ARCHIVED -> LEASE_ARCHIVING;
            case MOVE_IN -> MOVE_IN;
            case MOVE_OUT -> MOVE_OUT;
            case WORK_ORDER_CREATED, WORK_ORDER_STATUS_CHANGED -> null;
        });
    }
}
