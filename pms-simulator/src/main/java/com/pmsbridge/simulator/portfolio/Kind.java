package com.pmsbridge.simulator.portfolio;

/** Buildium resource kinds the simulator holds, with their list path and webhook entity name and id field. */
public enum Kind {
    RENTAL("/v1/rentals", "Rental", "PropertyId"),
    UNIT("/v1/rentals/units", "RentalUnit", "UnitId"),
    LEASE("/v1/leases", "Lease", "LeaseId"),
    TENANT("/v1/leases/tenants", "LeaseTenant", "TenantId"),
    WORK_ORDER("/v1/workorders", "WorkOrder", "WorkOrderId"),
    VENDOR("/v1/vendors", "Vendor", "VendorId"),
    APPLICANT("/v1/applicants", "Applicant", "ApplicantId"),
    TRANSACTION(null, "LeaseTransaction", "TransactionId");

    private final String path;
    private final String eventEntity;
    private final String eventIdField;

    Kind(String path, String eventEntity, String eventIdField) {
        this.path = path;
        this.eventEntity = eventEntity;
        this.eventIdField = eventIdField;
    }

    /** List path, or null for lease transactions, which are listed per lease. */
    public String path() {
        return path;
    }

    public String eventEntity() {
        return eventEntity;
    }

    public String eventIdField() {
        return eventIdField;
    }
}
