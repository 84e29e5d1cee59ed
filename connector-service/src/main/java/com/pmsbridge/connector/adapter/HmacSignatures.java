package com.pmsbridge.connector.adapter;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/** HMAC-SHA256 over {@code timestamp + "." + body}, the scheme of Buildium and of our generic webhooks. */
public final class HmacSignatures {
    private HmacSignatures() {
    }

    public static byte[] hmacSha256(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison, so the check does not leak how much of a guess was right. */
    public static boolean matches(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * Parses a UNIX-seconds timestamp header and rejects it outside the replay window, so a captured request cannot
     * be sent again later.
     */
    public static Instant requireFreshTimestamp(String header, String headerName, Duration window, Instant now) {
        if (header == null || header.isBlank()) {
            throw WebhookRejectedException.unauthorized("timestamp_missing", "missing header " + headerName);
        }
        long seconds;
        try {
            seconds = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw WebhookRejectedException.unauthorized("timestamp_invalid", headerName + " must be UNIX seconds");
        }
        Instant sent = Instant.ofEpochSecond(seconds);
        if (Duration.between(sent, now).abs().compareTo(window) > 0) {
            throw WebhookRejectedException.unauthorized("timestamp_stale",
                    headerName + " is outside the accepted window of " + window.toSeconds() + " s");
        }
        return sent;
    }
}
