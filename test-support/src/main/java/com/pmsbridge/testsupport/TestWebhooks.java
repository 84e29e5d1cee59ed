package com.pmsbridge.testsupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

/** Builds generic-PMS webhooks as a PMS would send them (an independent implementation of the signing scheme). */
public final class TestWebhooks {
    /** The documented default of DEMO_WEBHOOK_SECRET. */
    public static final String DEMO_SECRET = "pms-demo-secret";

    private TestWebhooks() {}

    public static String nowSeconds() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    /** {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>} */
    public static String genericSignature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A full lease webhook body for the generic adapter. */
    public static String leaseBody(String eventId, String op, String leaseId, String status, String updatedAt) {
        return """
                {"eventId":"%s","entityType":"lease","op":"%s","updatedAt":"%s","entity":{"id":"%s",\
                "propertyId":"P-100","unitId":"U-101","status":"%s","startDate":"2026-12-01","endDate":"2027-11-30",\
                "rent":"1450.00","currency":"USD","residentIds":["R-1"]}}""".formatted(eventId, op, updatedAt, leaseId, status);
    }
}
