package com.pmsbridge.contract.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A lease transaction: a charge, payment or credit. */
public record Charge(
        String id,

        @JsonPropertyDescription("The PMS's id of the lease charged")
        String leaseId,

        @JsonPropertyDescription("The PMS's transaction type, as the PMS names it (Charge, Payment, Credit, ...)")
        String type,

        @JsonPropertyDescription("Amount as a decimal string, in the charge's currency")
        String amount,

        @JsonPropertyDescription("ISO-4217 code of the amount's currency (the connection's currency)")
        String currency,

        @JsonPropertyDescription("ISO-8601 date of the transaction")
        String date,

        String memo)
        implements CanonicalEntity {}
