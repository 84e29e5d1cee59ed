package com.pmsbridge.queue.intake;

import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.queue.item.ItemType;

/** Readable summaries that name entities by id and fields by name, never by personal data. */
final class Summaries {
    private Summaries() {}

    static String of(ItemType type, LifecycleEvent event) {
        String where = event.unitId() != null ? " in unit " + event.unitId() : "";
        String subject = event.entityType().wireName() + " "
                + event.entityKey().substring(event.entityKey().lastIndexOf(':') + 1);
        return switch (type) {
            case LEASE_CREATION -> "New lease " + subject.substring("lease ".length()) + where;
            case LEASE_MODIFICATION -> "Lease changed (" + String.join(", ", event.changedFields()) + ")" + where;
            case LEASE_ARCHIVING -> "Lease archived" + where;
            case MOVE_IN -> "Move-in" + where;
            case MOVE_OUT -> "Move-out" + where;
            case RESIDENT_CREATION -> "New " + subject + where;
            case RESIDENT_MODIFICATION -> "Resident changed (" + String.join(", ", event.changedFields()) + ")" + where;
            case RESIDENT_DELETION -> "Resident removed" + where;
            case RESIDENT_INVITATION -> "Invite " + subject + where;
        };
    }
}
