package com.pmsbridge.simulator.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Builds records in the shapes of Buildium's OpenAPI schemas (RentalMessage, LeaseMessage, TenantMessage, ...). */
public final class BuildiumShapes {
    private static final String[] BEDROOMS = {"Studio", "OneBed", "TwoBed", "ThreeBed"};
    private static final String[] BATHROOMS = {"OneBath", "OnePointFiveBath", "TwoBath"};

    private BuildiumShapes() {}

    static Map<String, Object> address(Random random) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("AddressLine1", (10 + random.nextInt(990)) + " " + Names.street(random));
        address.put("City", "Springfield");
        address.put("State", "IL");
        address.put("PostalCode", String.format("627%02d", random.nextInt(100)));
        address.put("Country", "UnitedStates");
        return address;
    }

    static Map<String, Object> rental(long id, int units, Random random) {
        Map<String, Object> rental = new LinkedHashMap<>();
        rental.put("Id", id);
        rental.put("Name", Names.street(random) + " Residences " + id);
        rental.put("StructureDescription", "Garden-style, 3 storeys");
        rental.put("NumberUnits", units);
        rental.put("IsActive", true);
        rental.put("Address", address(random));
        rental.put("YearBuilt", 1960 + random.nextInt(60));
        rental.put("RentalType", "Residential");
        rental.put("RentalSubType", "MultiFamily");
        return rental;
    }

    static Map<String, Object> unit(long id, long propertyId, int number, Random random) {
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("Id", id);
        unit.put("PropertyId", propertyId);
        unit.put("UnitNumber", Integer.toString(100 + number));
        unit.put("Description", "Corner unit, south-facing balcony");
        unit.put("MarketRent", new BigDecimal(1100 + random.nextInt(10) * 50));
        unit.put("Address", address(random));
        unit.put("UnitBedrooms", BEDROOMS[random.nextInt(BEDROOMS.length)]);
        unit.put("UnitBathrooms", BATHROOMS[random.nextInt(BATHROOMS.length)]);
        unit.put("UnitSize", 450 + random.nextInt(800));
        unit.put("IsUnitListed", false);
        unit.put("IsUnitOccupied", true);
        return unit;
    }

    static Map<String, Object> tenant(long id, Random random, Instant at) {
        String first = Names.first(random);
        String last = Names.last(random);
        Map<String, Object> tenant = new LinkedHashMap<>();
        tenant.put("Id", id);
        tenant.put("FirstName", first);
        tenant.put("LastName", last);
        tenant.put("Email", "resident" + id + "@example.com");
        tenant.put("PhoneNumbers", List.of(phone(random)));
        tenant.put("CreatedDateTime", at.toString());
        tenant.put("Address", address(random));
        tenant.put("Comment", "Prefers e-mail; speaks " + (random.nextBoolean() ? "Español" : "Français"));
        return tenant;
    }

    public static Map<String, Object> phone(Random random) {
        Map<String, Object> phone = new LinkedHashMap<>();
        phone.put("Number", String.format("(217) 555-%04d", random.nextInt(10000)));
        phone.put("Type", "Cell");
        return phone;
    }

    static Map<String, Object> lease(
            long id,
            long propertyId,
            long unitId,
            int unitNumber,
            String status,
            LocalDate from,
            Map<String, Object> tenant,
            Random random,
            Instant at) {
        Map<String, Object> lease = new LinkedHashMap<>();
        lease.put("Id", id);
        lease.put("PropertyId", propertyId);
        lease.put("UnitId", unitId);
        lease.put("UnitNumber", Integer.toString(100 + unitNumber));
        lease.put("LeaseFromDate", from.toString());
        lease.put("LeaseToDate", from.plusYears(1).minusDays(1).toString());
        lease.put("LeaseType", "Fixed");
        lease.put("LeaseStatus", status);
        lease.put("IsEvictionPending", false);
        lease.put("TermType", "Standard");
        lease.put("RenewalOfferStatus", "NotStarted");
        lease.put("CurrentTenants", new ArrayList<>(List.of(tenant)));
        lease.put("CurrentNumberOfOccupants", 1);
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("SecurityDeposit", new BigDecimal(500 + random.nextInt(10) * 100));
        account.put("Rent", new BigDecimal(1200 + random.nextInt(18) * 50));
        lease.put("AccountDetails", account);
        lease.put("AutomaticallyMoveOutTenants", true);
        lease.put("CreatedDateTime", at.toString());
        lease.put("LastUpdatedDateTime", at.toString());
        lease.put("MoveOutData", new ArrayList<>());
        lease.put("PaymentDueDay", 1);
        Map<String, Object> leaseTenant = new LinkedHashMap<>();
        leaseTenant.put("Id", tenant.get("Id"));
        leaseTenant.put("Status", "Active".equals(status) ? "Current" : "Future");
        leaseTenant.put("MoveInDate", from.toString());
        lease.put("Tenants", new ArrayList<>(List.of(leaseTenant)));
        return lease;
    }

    static Map<String, Object> vendor(long id, Random random) {
        Map<String, Object> vendor = new LinkedHashMap<>();
        vendor.put("Id", id);
        vendor.put("IsCompany", true);
        vendor.put("IsActive", true);
        vendor.put("FirstName", Names.first(random));
        vendor.put("LastName", Names.last(random));
        vendor.put("PrimaryEmail", "dispatch" + id + "@vendors.example.com");
        vendor.put("CompanyName", Names.last(random) + " & Sons Plumbing-Heating");
        vendor.put("PhoneNumbers", List.of(phone(random)));
        vendor.put("Category", Map.of("Id", 3, "Name", "Plumbing"));
        vendor.put("Address", address(random));
        return vendor;
    }

    static Map<String, Object> applicant(long id, long propertyId, long unitId, Random random, Instant at) {
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("Id", id);
        applicant.put("PropertyId", propertyId);
        applicant.put("UnitId", unitId);
        applicant.put("FirstName", Names.first(random));
        applicant.put("LastName", Names.last(random));
        applicant.put("Email", "applicant" + id + "@example.com");
        applicant.put("PhoneNumbers", List.of(phone(random)));
        applicant.put("Status", "New");
        applicant.put("LastUpdatedDateTime", at.toString());
        return applicant;
    }

    public static Map<String, Object> workOrder(
            long id, long taskId, long unitId, String title, String details, String priority, Long vendorId) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("Id", taskId);
        task.put("Type", "ResidentRequest");
        task.put("UnitId", unitId);
        task.put("Title", title);
        task.put("Priority", priority);
        task.put("Status", "New");
        Map<String, Object> workOrder = new LinkedHashMap<>();
        workOrder.put("Id", id);
        workOrder.put("Task", task);
        workOrder.put("Title", title);
        workOrder.put("DueDate", LocalDate.of(2026, 12, 15).toString());
        workOrder.put("Priority", priority);
        workOrder.put("Status", "New");
        workOrder.put("WorkDetails", details);
        if (vendorId != null) {
            workOrder.put("VendorId", vendorId); // an integer in the document, never null: absent when unassigned
        }
        workOrder.put("Amount", BigDecimal.ZERO);
        return workOrder;
    }

    public static Map<String, Object> charge(
            long id, long leaseId, String date, int amount, String memo, long propertyId, long unitId) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("GLAccount", Map.of("Id", 4000, "Name", "Rent Income"));
        line.put("Amount", new BigDecimal(amount));
        line.put("IsCashPosting", false);
        line.put("Memo", memo);
        line.put("PropertyId", propertyId);
        line.put("UnitId", unitId);
        Map<String, Object> transaction = new LinkedHashMap<>();
        transaction.put("Id", id);
        transaction.put("Date", date);
        transaction.put("TransactionType", "Charge");
        transaction.put("TransactionTypeEnum", "Charge");
        transaction.put("TotalAmount", new BigDecimal(amount));
        transaction.put("LeaseId", leaseId);
        transaction.put("Journal", Map.of("Memo", memo, "Lines", List.of(line)));
        return transaction;
    }
}
