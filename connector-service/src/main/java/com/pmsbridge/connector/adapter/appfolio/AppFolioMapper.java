package com.pmsbridge.connector.adapter.appfolio;

import com.fasterxml.jackson.databind.JsonNode;
import com.pmsbridge.connector.mapping.RecordReader;
import com.pmsbridge.contract.EntityType;

import java.util.LinkedHashMap;
import java.util.Map;

/** Maps AppFolio's snake_case records (as the simulator serves them) to canonical fields. */
final class AppFolioMapper {
    private static final Map<String, String> WORK_ORDER_STATUS = Map.of(
            "new",
            "NEW",
            "assigned",
            "ASSIGNED",
            "in_progress",
            "IN_PROGRESS",
            "completed",
            "COMPLETED",
            "cancelled",
            "CANCELLED");
    private static final Map<String, String> LEASE_STATUS =
            Map.of("active", "CURRENT", "future", "FUTURE", "past", "PAST");

    private AppFolioMapper() {}

    static Map<String, Object> map(EntityType type, JsonNode record) {
        RecordReader r = new RecordReader(record, "AppFolio " + type.wireName());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", required(r, "id"));
        switch (type) {
            case WORKORDER -> {
                f.put("unitId", r.text("unit_id"));
                f.put("title", r.text("summary"));
                f.put("description", r.text("description"));
                f.put("status", r.oneOf("status", WORK_ORDER_STATUS));
                f.put("priority", r.text("priority"));
                f.put("vendorId", r.text("vendor_id"));
            }
            case RESIDENT -> {
                f.put("firstName", r.text("first_name"));
                f.put("lastName", r.text("last_name"));
                f.put("email", r.text("email"));
                f.put("phone", r.text("phone_number"));
            }
            case LEASE -> {
                f.put("propertyId", r.text("property_id"));
                f.put("unitId", r.text("unit_id"));
                f.put("status", r.oneOf("status", LEASE_STATUS));
                f.put("startDate", r.text("start_date"));
                f.put("endDate", r.text("end_date"));
                f.put("rent", r.decimal("rent"));
            }
            case PROPERTY -> {
                f.put("name", r.text("name"));
                f.put("street", r.text("address"));
            }
            case UNIT -> {
                f.put("propertyId", r.text("property_id"));
                f.put("number", r.text("name"));
            }
            default -> {}
        }
        return f;
    }

    private static String required(RecordReader r, String field) {
        String value = r.text(field);
        if (value == null || value.isBlank()) {
            throw new com.pmsbridge.connector.adapter.MappingException(
                    "AppFolio record: missing required field '" + field + "'", r.raw());
        }
        return value;
    }
}
