package com.pmsbridge.connector.adapter.buildium;

import com.fasterxml.jackson.databind.JsonNode;
import com.pmsbridge.connector.mapping.RecordReader;
import com.pmsbridge.contract.EntityType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps Buildium's *Message shapes (per the published OpenAPI document) to canonical fields. An unknown enum value or
 * a field of the wrong type fails the record with a reason naming the field.
 */
final class BuildiumMapper {
    static final Map<String, String> LEASE_STATUS = Map.of("Active", "CURRENT", "Future", "FUTURE", "Past", "PAST");
    static final Map<String, String> WORK_ORDER_STATUS = Map.of(
            "Unknown",
            "NEW",
            "New",
            "NEW",
            "InProgress",
            "IN_PROGRESS",
            "Completed",
            "COMPLETED",
            "Deferred",
            "ON_HOLD",
            "Closed",
            "COMPLETED");
    static final Map<String, Integer> BEDROOMS = Map.ofEntries(
            Map.entry("NotSet", -1),
            Map.entry("Studio", 0),
            Map.entry("OneBed", 1),
            Map.entry("TwoBed", 2),
            Map.entry("ThreeBed", 3),
            Map.entry("FourBed", 4),
            Map.entry("FiveBed", 5),
            Map.entry("SixBed", 6),
            Map.entry("SevenBed", 7),
            Map.entry("EightBed", 8),
            Map.entry("NineBedPlus", 9)); // nine or more: at least nine
    static final Map<String, Double> BATHROOMS = Map.ofEntries(
            Map.entry("NotSet", -1.0),
            Map.entry("OneBath", 1.0),
            Map.entry("OnePointFiveBath", 1.5),
            Map.entry("TwoBath", 2.0),
            Map.entry("TwoPointFiveBath", 2.5),
            Map.entry("ThreeBath", 3.0),
            Map.entry("ThreePointFiveBath", 3.5),
            Map.entry("FourBath", 4.0),
            Map.entry("FourPointFiveBath", 4.5),
            Map.entry("FiveBath", 5.0),
            Map.entry("FivePlusBath", 5.5)); // more than five: the half step above five
    static final Map<String, String> PRIORITY =
            Map.of("Unknown", "normal", "Low", "low", "Normal", "normal", "High", "high");

    private BuildiumMapper() {}

    /** The record's id as the PMS's external id. */
    static String externalId(EntityType type, JsonNode record) {
        return new RecordReader(record, "Buildium " + type.wireName()).id("Id");
    }

    /** The record's own last-modified time, when its shape has one (leases and applicants do). */
    static String lastUpdated(JsonNode record) {
        JsonNode value = record.path("LastUpdatedDateTime");
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** @param currency the connection's currency: Buildium's amounts carry none */
    static Map<String, Object> map(EntityType type, JsonNode record, String currency) {
        RecordReader r = new RecordReader(record, "Buildium " + type.wireName());
        Map<String, Object> f = new LinkedHashMap<>();
        switch (type) {
            case PROPERTY -> {
                f.put("id", r.id("Id"));
                f.put("name", r.text("Name"));
                f.put("street", r.text("Address.AddressLine1"));
                f.put("city", r.text("Address.City"));
                f.put("state", r.text("Address.State"));
                f.put("postalCode", r.text("Address.PostalCode"));
                f.put("country", r.text("Address.Country"));
                f.put("unitCount", r.integer("NumberUnits"));
            }
            case UNIT -> {
                f.put("id", r.id("Id"));
                f.put("propertyId", r.id("PropertyId"));
                f.put("number", r.text("UnitNumber"));
                Integer bedrooms = r.oneOf("UnitBedrooms", BEDROOMS);
                f.put("bedrooms", bedrooms == null || bedrooms < 0 ? null : bedrooms);
                Double bathrooms = r.oneOf("UnitBathrooms", BATHROOMS);
                f.put("bathrooms", bathrooms == null || bathrooms < 0 ? null : bathrooms);
                f.put("squareFeet", r.integer("UnitSize"));
                f.put("marketRent", r.decimal("MarketRent"));
            }
            case LEASE -> lease(r, record, f, currency);
            case RESIDENT -> {
                f.put("id", r.id("Id"));
                f.put("firstName", r.text("FirstName"));
                f.put("lastName", r.text("LastName"));
                f.put("email", r.text("Email"));
                f.put("phone", r.text("PhoneNumbers.0.Number"));
                JsonNode leases = record.path("Leases");
                if (leases.isArray() && !leases.isEmpty()) {
                    RecordReader lease = new RecordReader(leases.get(0), "Buildium resident lease");
                    f.put("leaseId", lease.optionalId("Id"));
                    f.put("propertyId", lease.optionalId("PropertyId"));
                    f.put("unitId", lease.optionalId("UnitId"));
                }
            }
            case WORKORDER -> {
                f.put("id", r.id("Id"));
                f.put("unitId", r.optionalId("Task.UnitId"));
                f.put("title", r.text("Title"));
                f.put("description", r.text("WorkDetails"));
                f.put("status", r.oneOf("Status", WORK_ORDER_STATUS));
                f.put("priority", r.oneOf("Priority", PRIORITY));
                f.put("vendorId", r.optionalId("VendorId"));
                f.put("dueDate", r.text("DueDate"));
                f.put("taskId", r.optionalId("Task.Id"));
            }
            case VENDOR -> {
                f.put("id", r.id("Id"));
                f.put("companyName", r.text("CompanyName"));
                f.put("trade", r.text("Category.Name"));
                f.put("email", r.text("PrimaryEmail"));
                f.put("phone", r.text("PhoneNumbers.0.Number"));
            }
            case LEAD -> {
                f.put("id", r.id("Id"));
                f.put("propertyId", r.optionalId("PropertyId"));
                f.put("unitId", r.optionalId("UnitId"));
                f.put("firstName", r.text("FirstName"));
                f.put("lastName", r.text("LastName"));
                f.put("email", r.text("Email"));
                f.put("phone", r.text("PhoneNumbers.0.Number"));
                f.put("status", r.text("Status"));
            }
            case CHARGE -> {
                f.put("id", r.id("Id"));
                f.put("leaseId", r.id("LeaseId"));
                f.put("type", r.text("TransactionTypeEnum"));
                f.put("amount", r.decimal("TotalAmount"));
                f.put("currency", currency);
                f.put("date", r.text("Date"));
                f.put("memo", r.text("Journal.Memo"));
            }
        }
        return f;
    }

    private static void lease(RecordReader r, JsonNode record, Map<String, Object> f, String currency) {
        f.put("id", r.id("Id"));
        f.put("propertyId", r.id("PropertyId"));
        f.put("unitId", r.id("UnitId"));
        f.put("status", r.oneOf("LeaseStatus", LEASE_STATUS));
        f.put("startDate", r.text("LeaseFromDate"));
        f.put("endDate", r.text("LeaseToDate"));
        f.put("rent", r.decimal("AccountDetails.Rent"));
        f.put("currency", currency);
        List<String> residents = new ArrayList<>();
        String moveIn = null;
        for (JsonNode tenant : record.path("Tenants")) {
            RecordReader t = new RecordReader(tenant, "Buildium lease tenant");
            residents.add(t.id("Id"));
            String date = t.text("MoveInDate");
            if (date != null && (moveIn == null || date.compareTo(moveIn) < 0)) {
                moveIn = date;
            }
        }
        String moveOut = null;
        for (JsonNode moveOutData : record.path("MoveOutData")) {
            String date = new RecordReader(moveOutData, "Buildium move-out").text("MoveOutDate");
            if (date != null && (moveOut == null || date.compareTo(moveOut) > 0)) {
                moveOut = date;
            }
        }
        f.put("moveInDate", moveIn);
        f.put("moveOutDate", moveOut);
        f.put("residentIds", residents);
        f.put("renewalStatus", r.text("RenewalOfferStatus"));
    }
}
