package com.pmsbridge.contract.model;

/** A rentable unit of a property. */
public record Unit(
        String id,
        String propertyId,
        String number,
        Integer bedrooms,
        Double bathrooms,
        Integer squareFeet,
        String marketRent)
        implements CanonicalEntity {}
