package com.pmsbridge.contract.model;

import java.util.List;

/** A lease of one unit. {@code rent} is a decimal string. */
public record Lease(
        String id,
        String propertyId,
        String unitId,
        LeaseStatus status,
        String startDate,
        String endDate,
        String moveInDate,
        String moveOutDate,
        String rent,
        String currency,
        List<String> residentIds) {}
