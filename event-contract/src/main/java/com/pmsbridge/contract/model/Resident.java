package com.pmsbridge.contract.model;

/** A person on a lease (Buildium: lease tenant). Personal data: never logged. */
public record Resident(
        String id,
        String leaseId,
        String propertyId,
        String unitId,
        String firstName,
        String lastName,
        String email,
        String phone) {}
