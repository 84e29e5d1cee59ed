package com.pmsbridge.connector.adapter.buildium;

import com.fasterxml.jackson.databind.JsonNode;
import com.pmsbridge.connector.adapter.RecordReader;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.model.CanonicalData;
import com.pmsbridge.contract.model.CanonicalEntity;
import com.pmsbridge.contract.model.Charge;
import com.pmsbridge.contract.model.Lead;
import com.pmsbridge.contract.model.Lease;
import com.pmsbridge.contract.model.LeaseStatus;
import com.pmsbridge.contract.model.Property;
import com.pmsbridge.contract.model.Resident;
import com.pmsbridge.contract.model.Unit;
import com.pmsbridge.contract.model.Vendor;
import com.pmsbridge.contract.model.WorkOrder;
import com.pmsbridge.contract.model.WorkOrderStatus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps Buildium's *Message shapes (per the published OpenAPI document) to canonical records. An unknown enum value or
 * a field of the wrong type fails the record with a reason naming the field.
 */
final class BuildiumMapper {
    static final Map<String, LeaseStatus> LEASE_STATUS =
            Map.of("Active", LeaseStatus.CURRENT, "Future", LeaseStatus.FUTURE, "Past", LeaseStatus.PAST);
    static final Map<String, WorkOrderStatus> WORK_ORDER_STATUS = Map.of(
            "Unknown",
            WorkOrderStatus.NEW,
            "New",
            WorkOrderStatus.NEW,
            "InProgress",
            WorkOrderStatus.IN_PROGRESS,
            "Completed",
            WorkOrderStatus.COMPLETED,
            "Deferred",
            WorkOrderStatus.ON_HOLD,
            "Closed",
            WorkOrderStatus.COMPLETED);
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

    private static final Set<String> WORK_ORDER_FIELDS = without(CanonicalData.names(WorkOrder.class), "propertyId");
    private static final Set<String> RESIDENT_WITHOUT_LEASE_FIELDS =
            without(CanonicalData.names(Resident.class), "leaseId", "propertyId", "unitId");

    private BuildiumMapper() {}

    private static Set<String> without(Set<String> names, String... left) {
        Set<String> rest = new LinkedHashSet<>(names);
        rest.removeAll(Set.of(left));
        return Set.copyOf(rest);
    }

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
    static CanonicalEntity map(EntityType type, JsonNode record, String currency) {
        RecordReader r = new RecordReader(record, "Buildium " + type.wireName());
        return switch (type) {
            case PROPERTY ->
                new Property(
                        r.id("Id"),
                        r.text("Name"),
                        r.text("Address.AddressLine1"),
                        r.text("Address.City"),
                        r.text("Address.State"),
                        r.text("Address.PostalCode"),
                        r.text("Address.Country"),
                        r.integer("NumberUnits"));
            case UNIT -> {
                Integer bedrooms = r.oneOf("UnitBedrooms", BEDROOMS);
                Double bathrooms = r.oneOf("UnitBathrooms", BATHROOMS);
                yield new Unit(
                        r.id("Id"),
                        r.id("PropertyId"),
                        r.text("UnitNumber"),
                        bedrooms == null || bedrooms < 0 ? null : bedrooms,
                        bathrooms == null || bathrooms < 0 ? null : bathrooms,
                        r.integer("UnitSize"),
                        r.decimal("MarketRent"));
            }
            case LEASE -> lease(r, record, currency);
            case RESIDENT -> resident(r, record);
            case WORKORDER ->
                new WorkOrder(
                        r.id("Id"),
                        null,
                        r.optionalId("Task.UnitId"),
                        r.text("Title"),
                        r.text("WorkDetails"),
                        r.oneOf("Status", WORK_ORDER_STATUS),
                        r.oneOf("Priority", PRIORITY),
                        r.optionalId("VendorId"),
                        r.text("DueDate"),
                        r.optionalId("Task.Id"));
            case VENDOR ->
                new Vendor(
                        r.id("Id"),
                        r.text("CompanyName"),
                        r.text("Category.Name"),
                        r.text("PrimaryEmail"),
                        r.text("PhoneNumbers.0.Number"));
            case LEAD ->
                new Lead(
                        r.id("Id"),
                        r.optionalId("PropertyId"),
                        r.optionalId("UnitId"),
                        r.text("FirstName"),
                        r.text("LastName"),
                        r.text("Email"),
                        r.text("PhoneNumbers.0.Number"),
                        r.text("Status"));
            case CHARGE ->
                new Charge(
                        r.id("Id"),
                        r.id("LeaseId"),
                        r.text("TransactionTypeEnum"),
                        r.decimal("TotalAmount"),
                        currency,
                        r.text("Date"),
                        r.text("Journal.Memo"));
        };
    }

    /**
     * The record's fields, less those Buildium's record does not say: a work order names no property, and a tenant
     * listed on no lease says nothing of one (so neither clears what is known).
     */
    static Map<String, Object> fields(CanonicalEntity entity) {
        return switch (entity) {
            case WorkOrder workOrder -> CanonicalData.fields(workOrder, WORK_ORDER_FIELDS);
            case Resident resident
            when resident.leaseId() == null -> CanonicalData.fields(resident, RESIDENT_WITHOUT_LEASE_FIELDS);
            default -> CanonicalData.fields(entity);
        };
    }

    private static Resident resident(RecordReader r, JsonNode record) {
        String leaseId = null;
        String propertyId = null;
        String unitId = null;
        JsonNode leases = record.path("Leases");
        if (leases.isArray() && !leases.isEmpty()) {
            RecordReader lease = new RecordReader(leases.get(0), "Buildium resident lease");
            leaseId = lease.optionalId("Id");
            propertyId = lease.optionalId("PropertyId");
            unitId = lease.optionalId("UnitId");
        }
        return new Resident(
                r.id("Id"),
                leaseId,
                propertyId,
                unitId,
                r.text("FirstName"),
                r.text("LastName"),
                r.text("Email"),
                r.text("PhoneNumbers.0.Number"));
    }

    private static Lease lease(RecordReader r, JsonNode record, String currency) {
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
        return new Lease(
                r.id("Id"),
                r.id("PropertyId"),
                r.id("UnitId"),
                r.oneOf("LeaseStatus", LEASE_STATUS),
                r.text("LeaseFromDate"),
                r.text("LeaseToDate"),
                moveIn,
                moveOut,
                r.decimal("AccountDetails.Rent"),
                currency,
                residents,
                r.text("RenewalOfferStatus"));
    }
}
