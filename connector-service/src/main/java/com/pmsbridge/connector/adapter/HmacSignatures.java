package com.pmsbridge.connector.adapter;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** HMAC-SHA256 over {@code timestamp + "." + body}, the scheme of Buildium and of our generic webhooks. */
public final class HmacSignatures {
    private HmacSignatures() {}

    /**
     * The whole scheme: a configured secret (during a rotation the previous one too), a fresh timestamp, a signature header that {@code decode} turns into bytes
     * (throwing IllegalArgumentException when malformed), compared in constant time with the HMAC of
     * {@code timestamp + "." + body}.
     */
    public static void verify(
            WebhookRequest request,
            List<String> secrets,
            String timestampHeader,
            String signatureHeader,
            String signatureForm,
            Duration window,
            Function<String, byte[]> decode) {
        if (secrets.isEmpty()) {
            throw WebhookRejectedException.unauthorized(
                    "secret_unavailable", "the connection has no webhook secret configured");
        }
        String timestamp = request.header(timestampHeader);
        requireFreshTimestamp(timestamp, timestampHeader, window, request.receivedAt());
        String signature = request.header(signatureHeader);
        if (signature == null || signature.isBlank()) {
            throw WebhookRejectedException.unauthorized(
                    "signature_missing", "missing header " + signatureHeader + " of the form " + signatureForm);
        }
        byte[] given;
        try {
            given = decode.apply(signature.trim());
        } catch (IllegalArgumentException e) {
            throw WebhookRejectedException.unauthorized(
                    "signature_invalid", signatureHeader + " must be " + signatureForm);
        }
        byte[] presented = given;
        if (secrets.stream().noneMatch(key -> matches(hmacSha256(key, timestamp.trim(), request.body()), presented))) {
            throw WebhookRejectedException.unauthorized("signature_invalid", "signature does not match the body");
        }
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
        // compared in seconds: Instant.ofEpochSecond of an extreme value would throw, and that is not a 500
        if (Math.abs(now.getEpochSecond() - Math.max(Math.min(seconds, Long.MAX_VALUE / 2), Long.MIN_VALUE / 2))
                > window.toSeconds()) {
            throw WebhookRejectedException.unauthorized(
                    "timestamp_stale", headerName + " is outside the accepted window of " + window.toSeconds() + " s");
        }
        return Instant.ofEpochSecond(seconds);
    }
}
