package com.pmsbridge.contract.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A person on a lease (Buildium: lease tenant). Personal data: never logged. */
public record Resident(
        String id,

        @JsonPropertyDescription("The PMS's id of the resident's (first) lease")
        String leaseId,

        String propertyId,
        String unitId,
        String firstName,
        String lastName,
        String email,
        String phone)
        implements CanonicalEntity {}
