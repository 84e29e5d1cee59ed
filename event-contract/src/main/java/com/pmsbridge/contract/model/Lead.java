package com.pmsbridge.contract.model;

/** A prospect / guest card / applicant. */
public record Lead(
        String id,
        String propertyId,
        String unitId,
        String firstName,
        String lastName,
        String email,
        String phone,
        String status)
        implements CanonicalEntity {}
