package com.pmsbridge.contract.model;

public record Vendor(String id, String companyName, String trade, String email, String phone)
        implements CanonicalEntity {}
