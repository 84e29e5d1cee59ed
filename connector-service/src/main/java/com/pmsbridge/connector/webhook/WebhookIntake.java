package com.pmsbridge.connector.webhook;

import com.pmsbridge.connector.adapter.EntityReference;
import com.pmsbridge.connector.adapter.ParsedWebhook;
import com.pmsbridge.connector.adapter.PmsAdapter;
import com.pmsbridge.connector.adapter.PmsAdapters;
import com.pmsbridge.connector.adapter.WebhookRejectedException;
import com.pmsbridge.connector.adapter.WebhookRequest;
import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.connector.emit.ChangeEventPublisher;
import com.pmsbridge.connector.inbox.InboxEntry;
import com.pmsbridge.connector.inbox.InboxPublisher;
import com.pmsbridge.contract.event.ChangeEvent;
import io.micrometer.core.instrument.MeterRegistry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Verifies, deduplicates and publishes one webhook. The delivery row and the Kafka acknowledgement are in one
 * transaction: if Kafka does not acknowledge, the row rolls back and the PMS's retry is processed again; event ids
 * are derived from the delivery, so a retry after a lost commit gives the same ids and consumers drop the copy.
 */
@ApplicationScoped
public class WebhookIntake {
    private static final Duration KAFKA_ACK_TIMEOUT = Duration.ofSeconds(8);

    private final PmsAdapters adapters;
    private final WebhookDeliveries deliveries;
    private final ChangeEventPublisher publisher;
    private final InboxPublisher inbox;
    private final MeterRegistry metrics;
    private final WebhookLimits limits;

    WebhookIntake(
            PmsAdapters adapters,
            WebhookDeliveries deliveries,
            ChangeEventPublisher publisher,
            InboxPublisher inbox,
            MeterRegistry metrics,
            WebhookLimits limits) {
        this.limits = limits;
        this.adapters = adapters;
        this.deliveries = deliveries;
        this.publisher = publisher;
        this.inbox = inbox;
        this.metrics = metrics;
    }

    public enum Outcome {
        ACCEPTED,
        DUPLICATE,
        IGNORED
    }

    @Transactional
    public Outcome accept(WebhookRequest request) {
        Connection connection = Connection.findById(request.connectionId());
        if (connection == null) {
            // answered like a wrong signature, so unauthenticated callers cannot enumerate connection ids
            throw WebhookRejectedException.unauthorized("signature_invalid", "signature does not match the body");
        }
        PmsAdapter adapter = adapters.forType(connection.pmsType)
                .orElseThrow(() -> new WebhookRejectedException(
                        404,
                        "unsupported_pms",
                        "connection '" + connection.id + "' has a PMS type without webhook support"));
        try {
            adapter.verify(request, connection);
            ParsedWebhook parsed = adapter.parse(request, connection);
            limits.check(parsed, request.receivedAt());
            String dedupeKey =
                    parsed.pmsEventId() != null ? "event:" + parsed.pmsEventId() : "sha256:" + digest(request);
            if (!deliveries.recordIfNew(connection.id, dedupeKey, eventId(connection.id, dedupeKey, 0))) {
                count(connection, "duplicate");
                return Outcome.DUPLICATE;
            }
            List<ChangeEvent> changes = parsed.changes();
            for (int i = 0; i < changes.size(); i++) {
                publisher.publishAndAwait(
                        changes.get(i).withEventId(eventId(connection.id, dedupeKey, i)), KAFKA_ACK_TIMEOUT);
            }
            // Thin events: acknowledge once the reference is safely on Kafka; the read happens after the answer.
            List<EntityReference> references = parsed.references();
            for (int i = 0; i < references.size(); i++) {
                inbox.publishAndAwait(
                        new InboxEntry(
                                eventId(connection.id, dedupeKey, changes.size() + i),
                                connection.org,
                                connection.id,
                                references.get(i),
                                request.receivedAt()),
                        KAFKA_ACK_TIMEOUT);
            }
            if (changes.isEmpty() && references.isEmpty()) {
                count(connection, "ignored");
                return Outcome.IGNORED;
            }
            count(connection, "accepted");
            return Outcome.ACCEPTED;
        } catch (WebhookRejectedException e) {
            metrics.counter(
                            "pms_connector_webhooks_rejected_total",
                            "connection",
                            connection.id,
                            "reason",
                            e.reasonCode())
                    .increment();
            throw e;
        }
    }

    private void count(Connection connection, String outcome) {
        metrics.counter("pms_connector_webhooks_received_total", "connection", connection.id, "outcome", outcome)
                .increment();
    }

    private static String eventId(String connectionId, String dedupeKey, int index) {
        return UUID.nameUUIDFromBytes((connectionId + "|" + dedupeKey + "|" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Without a PMS event id, the same signature over the same body is the same delivery. */
    private static String digest(WebhookRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            request.headers().entrySet().stream()
                    .filter(h -> h.getKey().contains("signature"))
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(h -> sha.update(h.getValue().getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest(request.body()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
