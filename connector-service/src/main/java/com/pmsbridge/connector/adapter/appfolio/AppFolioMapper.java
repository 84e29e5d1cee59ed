package com.pmsbridge.connector.adapter.appfolio;

import com.fasterxml.jackson.databind.JsonNode;
import com.pmsbridge.connector.adapter.MappingException;
import com.pmsbridge.connector.adapter.RecordReader;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.model.CanonicalData;
import com.pmsbridge.contract.model.CanonicalEntity;
import com.pmsbridge.contract.model.Lease;
import com.pmsbridge.contract.model.LeaseStatus;
import com.pmsbridge.contract.model.Property;
import com.pmsbridge.contract.model.Resident;
import com.pmsbridge.contract.model.Unit;
import com.pmsbridge.contract.model.WorkOrder;
import com.pmsbridge.contract.model.WorkOrderStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Maps AppFolio's snake_case records (as the simulator serves them) to canonical records. AppFolio's records carry
 * part of the model; only the fields they carry are sent, so the others are not cleared.
 */
final class AppFolioMapper {
    private static final Map<String, WorkOrderStatus> WORK_ORDER_STATUS = Map.of(
            "new",
            WorkOrderStatus.NEW,
            "assigned",
            WorkOrderStatus.ASSIGNED,
            "in_progress",
            WorkOrderStatus.IN_PROGRESS,
            "completed",
            WorkOrderStatus.COMPLETED,
            "cancelled",
            WorkOrderStatus.CANCELLED);
    private static final Map<String, LeaseStatus> LEASE_STATUS =
            Map.of("active", LeaseStatus.CURRENT, "future", LeaseStatus.FUTURE, "past", LeaseStatus.PAST);
    /** The canonical fields AppFolio's records carry, per type. */
    private static final Map<EntityType, Set<String>> MAPPED = Map.of(
            EntityType.WORKORDER,
            Set.of("id", "unitId", "title", "description", "status", "priority", "vendorId"),
            EntityType.RESIDENT,
            Set.of("id", "firstName", "lastName", "email", "phone"),
            EntityType.LEASE,
            Set.of("id", "propertyId", "unitId", "status", "startDate", "endDate", "rent"),
            EntityType.PROPERTY,
            Set.of("id", "name", "street"),
            EntityType.UNIT,
            Set.of("id", "propertyId", "number"));

    private AppFolioMapper() {}

    /** The record's fields, or only its id for a type AppFolio's records do not describe. */
    static Map<String, Object> map(EntityType type, JsonNode record) {
        RecordReader r = new RecordReader(record, "AppFolio " + type.wireName());
        String id = required(r, "id");
        CanonicalEntity entity = switch (type) {
            case WORKORDER ->
                new WorkOrder(
                        id,
                        null,
                        r.text("unit_id"),
                        r.text("summary"),
                        r.text("description"),
                        r.oneOf("status", WORK_ORDER_STATUS),
                        r.text("priority"),
                        r.text("vendor_id"),
                        null,
                        null);
            case RESIDENT ->
                new Resident(
                        id,
                        null,
                        null,
                        null,
                        r.text("first_name"),
                        r.text("last_name"),
                        r.text("email"),
                        r.text("phone_number"));
            case LEASE ->
                new Lease(
                        id,
                        r.text("property_id"),
                        r.text("unit_id"),
                        r.oneOf("status", LEASE_STATUS),
                        r.text("start_date"),
                        r.text("end_date"),
                        null,
                        null,
                        r.decimal("rent"),
                        null,
                        null,
                        null);
            case PROPERTY -> new Property(id, r.text("name"), r.text("address"), null, null, null, null, null);
            case UNIT -> new Unit(id, r.text("property_id"), r.text("name"), null, null, null, null);
            default -> null;
        };
        return entity == null ? new LinkedHashMap<>(Map.of("id", id)) : CanonicalData.fields(entity, MAPPED.get(type));
    }

    private static String required(RecordReader r, String field) {
        String value = r.text(field);
        if (value == null || value.isBlank()) {
            throw new MappingException("AppFolio record: missing required field '" + field + "'", r.raw());
        }
        return value;
    }
}
