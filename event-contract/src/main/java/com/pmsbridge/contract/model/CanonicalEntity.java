package com.pmsbridge.contract.model;

/**
 * One canonical entity: what every PMS adapter maps its records onto and what {@code data} holds on the change and
 * state topics. The record's component names are the wire's field names.
 */
public sealed interface CanonicalEntity permits Property, Unit, Resident, Lease, WorkOrder, Vendor, Lead, Charge {
    /** The PMS's own id of the entity. */
    String id();
}
