package com.pmsbridge.contract.model;

/** A lease transaction: a charge, payment or credit. {@code amount} is a decimal string. */
public record Charge(
        String id, String leaseId, String type, String amount, String currency, String date, String memo) {}
