package com.pmsbridge.simulator.buildium;

import com.fasterxml.jackson.core.JsonProcessingException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends Buildium thin webhook events, signed as Buildium signs them: {@code buildium-webhook-timestamp} and
 * {@code buildium-webhook-signature} = base64(HMAC-SHA256(secret, timestamp + "." + body)). Like the real one it
 * promises no ordering and may deliver twice: a configurable share is duplicated or held back behind the next event.
 */
public final class BuildiumWebhookSender {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String targetUrl;
    private final String secret;
    private final long accountId;
    private final double duplicateRate;
    private final double outOfOrderRate;
    private final Random random;
    private final Clock clock;
    private final List<String> heldBack = new ArrayList<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();

    public BuildiumWebhookSender(
            String targetUrl,
            String secret,
            long accountId,
            double duplicateRate,
            double outOfOrderRate,
            Random random,
            Clock clock) {
        this.targetUrl = targetUrl;
        this.secret = secret;
        this.accountId = accountId;
        this.duplicateRate = duplicateRate;
        this.outOfOrderRate = outOfOrderRate;
        this.random = random;
        this.clock = clock;
    }

    /** Queues one event (EventName plus its identifier fields) for delivery. */
    public synchronized void send(String eventName, Map<String, Object> identifiers) {
        if (targetUrl == null || targetUrl.isBlank()) {
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("EventName", eventName);
        event.put("EventDateTime", clock.instant().toString());
        event.put("AccountId", accountId);
        event.putAll(identifiers);
        String body;
        try {
            body = HttpExchanges.JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (random.nextDouble() < outOfOrderRate) {
            heldBack.add(body);
            return;
        }
        deliver(body);
        if (random.nextDouble() < duplicateRate) {
            deliver(body);
        }
        heldBack.forEach(this::deliver);
        heldBack.clear();
    }

    public long sent() {
        return sent.get();
    }

    public long accepted() {
        return accepted.get();
    }

    private void deliver(String body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(targetUrl))
                .header("Content-Type", "application/json")
                .header("buildium-webhook-timestamp", timestamp)
                .header("buildium-webhook-signature", sign(secret, timestamp, body))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        sent.incrementAndGet();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                accepted.incrementAndGet();
            }
        } catch (IOException e) {
            // Buildium retries later; the catch-up poll covers what is lost here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
