package com.pmsbridge.queue.item;

import com.pmsbridge.contract.event.LifecycleType;

import java.util.List;

/** The kinds of Integration Queue items, each made from one lifecycle transition. */
public enum ItemType {
    RESIDENT_CREATION,
    RESIDENT_MODIFICATION,
    RESIDENT_DELETION,
    RESIDENT_INVITATION,
    LEASE_CREATION,
    LEASE_MODIFICATION,
    LEASE_ARCHIVING,
    MOVE_IN,
    MOVE_OUT;

    /**
     * The items a lifecycle transition asks for. A new resident with an e-mail address also needs an invitation;
     * work-order transitions need no operator decision.
     */
    public static List<ItemType> of(LifecycleType type, boolean hasEmail) {
        return switch (type) {
            case RESIDENT_CREATED ->
                hasEmail ? List.of(RESIDENT_CREATION, RESIDENT_INVITATION) : List.of(RESIDENT_CREATION);
            case RESIDENT_MODIFIED -> List.of(RESIDENT_MODIFICATION);
            case RESIDENT_DELETED -> List.of(RESIDENT_DELETION);
            case LEASE_CREATED -> List.of(LEASE_CREATION);
            case LEASE_MODIFIED -> List.of(LEASE_MODIFICATION);
            case LEASE_ARCHIVED -> List.of(LEASE_ARCHIVING);
            case MOVE_IN -> List.of(MOVE_IN);
            case MOVE_OUT -> List.of(MOVE_OUT);
            case WORK_ORDER_CREATED, WORK_ORDER_STATUS_CHANGED, FIELD_CONFLICT_RECORDED -> List.of();
        };
    }

    /** Modifications accumulate: a newer one supersedes an older pending one and carries its changes forward. */
    public boolean isModification() {
        return this == RESIDENT_MODIFICATION || this == LEASE_MODIFICATION;
    }
}
