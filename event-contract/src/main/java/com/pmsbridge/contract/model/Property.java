package com.pmsbridge.contract.model;

/** A rental property (a building or a community). */
public record Property(
        String id,
        String name,
        String street,
        String city,
        String state,
        String postalCode,
        String country,
        Integer unitCount)
        implements CanonicalEntity {}
