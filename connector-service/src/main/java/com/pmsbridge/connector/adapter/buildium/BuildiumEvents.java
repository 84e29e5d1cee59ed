package com.pmsbridge.connector.adapter.buildium;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.Op;

import java.util.Map;
import java.util.Optional;

/** Buildium webhook EventName prefixes and the canonical entity and id field each one names. */
final class BuildiumEvents {
    record Target(EntityType type, String idField) {}

    private static final Map<String, Target> BY_ENTITY = Map.of(
            "Rental", new Target(EntityType.PROPERTY, "PropertyId"),
            "RentalUnit", new Target(EntityType.UNIT, "UnitId"),
            "Lease", new Target(EntityType.LEASE, "LeaseId"),
            "LeaseTenant", new Target(EntityType.RESIDENT, "TenantId"),
            "WorkOrder", new Target(EntityType.WORKORDER, "WorkOrderId"),
            "Vendor", new Target(EntityType.VENDOR, "VendorId"),
            "Applicant", new Target(EntityType.LEAD, "ApplicantId"),
            "LeaseTransaction", new Target(EntityType.CHARGE, "TransactionId"));

    private BuildiumEvents() {}

    /** The target of an EventName such as {@code Lease.MoveOut.Created}; empty for entities we do not sync. */
    static Optional<Target> target(String eventName) {
        int dot = eventName.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(BY_ENTITY.get(eventName.substring(0, dot)));
    }

    /** {@code *.Deleted} deletes; {@code *.Created} creates; anything else (Updated, MoveOut...) updates. */
    static Op op(String eventName) {
        if (eventName.endsWith(".Deleted")) {
            return Op.DELETE;
        }
        return eventName.endsWith(".Created") && eventName.indexOf('.') == eventName.lastIndexOf('.')
                ? Op.CREATE
                : Op.UPDATE;
    }
}
