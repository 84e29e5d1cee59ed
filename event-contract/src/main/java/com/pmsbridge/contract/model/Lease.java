package com.pmsbridge.contract.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.List;

/** A lease of one unit. */
public record Lease(
        @JsonPropertyDescription("The PMS's id of the lease")
        String id,

        @JsonPropertyDescription("The PMS's id of the leased unit's property")
        String propertyId,

        @JsonPropertyDescription("The PMS's id of the leased unit")
        String unitId,

        @JsonPropertyDescription("Where the lease is in its life; a change to CURRENT is a move-in")
        LeaseStatus status,

        @JsonPropertyDescription("First day of the lease, ISO-8601 date")
        String startDate,

        @JsonPropertyDescription("Last day of the lease, ISO-8601 date; null for month-to-month")
        String endDate,

        @JsonPropertyDescription("Earliest move-in date of its residents, ISO-8601 date")
        String moveInDate,

        @JsonPropertyDescription("Latest move-out date recorded, ISO-8601 date; set means a move-out is announced")
        String moveOutDate,

        @JsonPropertyDescription("Monthly rent as a decimal string, in the lease's currency")
        String rent,

        @JsonPropertyDescription("ISO-4217 code of the rent's currency (the connection's currency)")
        String currency,

        @JsonPropertyDescription("The PMS's ids of the residents on the lease")
        List<String> residentIds,

        @JsonPropertyDescription("The PMS's renewal offer status, as the PMS names it (Buildium only)")
        String renewalStatus)
        implements CanonicalEntity {}
