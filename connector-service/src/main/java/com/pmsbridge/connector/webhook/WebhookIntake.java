package com.pmsbridge.connector.webhook;

import com.pmsbridge.connector.adapter.EntityReference;
import com.pmsbridge.connector.adapter.ParsedWebhook;
import com.pmsbridge.connector.adapter.PmsAdapter;
import com.pmsbridge.connector.adapter.PmsAdapters;
import com.pmsbridge.connector.adapter.WebhookRejectedException;
import com.pmsbridge.connector.adapter.WebhookRequest;
import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.connector.connection.ConnectionHealth;
import com.pmsbridge.connector.emit.ChangeEventPublisher;
import com.pmsbridge.connector.inbox.InboxEntry;
import com.pmsbridge.connector.inbox.InboxPublisher;
import com.pmsbridge.contract.Ids;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.service.failure.TransientFailures;
import com.pmsbridge.service.logging.LogContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Verifies, deduplicates and publishes one webhook, holding no database connection while it verifies (a JWKS fetch)
 * or waits for Kafka: a slow issuer or broker cannot empty the pool. The delivery is recorded only after Kafka
 * acknowledged, so an unacknowledged webhook (503 with Retry-After) is processed again when the PMS retries; event ids
 * derive from the delivery, so two concurrent copies publish the same ids and consumers drop the second.
 */
@ApplicationScoped
public class WebhookIntake {
    private static final Duration KAFKA_ACK_TIMEOUT = Duration.ofSeconds(8);
    private static final int RETRY_AFTER_SECONDS = 30;

    private final PmsAdapters adapters;
    private final WebhookDeliveries deliveries;
    private final ChangeEventPublisher publisher;
    private final InboxPublisher inbox;
    private final MeterRegistry metrics;
    private final WebhookLimits limits;
    private final ConnectionHealth connections;
    private final WebhookRejections rejections;

    WebhookIntake(
            PmsAdapters adapters,
            WebhookDeliveries deliveries,
            ChangeEventPublisher publisher,
            InboxPublisher inbox,
            MeterRegistry metrics,
            WebhookLimits limits,
            ConnectionHealth connections,
            WebhookRejections rejections) {
        this.rejections = rejections;
        this.limits = limits;
        this.connections = connections;
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

    public Outcome accept(WebhookRequest request) {
        Connection connection = connections.find(request.connectionId()); // detached, in a short transaction
        if (connection == null) {
            // answered like a wrong signature, so unauthenticated callers cannot enumerate connection ids
            throw WebhookRejectedException.unauthorized("signature_invalid", "signature does not match the body");
        }
        try (LogContext context = LogContext.of(connection.org, connection.id)) {
            return accept(connection, request);
        }
    }

    private Outcome accept(Connection connection, WebhookRequest request) {
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
            if (QuarkusTransaction.requiringNew().call(() -> deliveries.seen(connection.id, dedupeKey))) {
                count(connection, "duplicate");
                return Outcome.DUPLICATE;
            }
            try {
                publish(connection, request, parsed, dedupeKey);
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                throw WebhookRejectedException.unavailable(
                        "broker_unavailable", "the change could not be stored; retry later", RETRY_AFTER_SECONDS);
            }
            boolean first = QuarkusTransaction.requiringNew()
                    .call(() -> deliveries.recordIfNew(connection.id, dedupeKey, eventId(connection.id, dedupeKey, 0)));
            if (!first) {
                count(connection, "duplicate");
                return Outcome.DUPLICATE;
            }
            if (parsed.changes().isEmpty() && parsed.references().isEmpty()) {
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
            rejections.record(connection.id, e.reasonCode());
            throw e;
        }
    }

    private void publish(Connection connection, WebhookRequest request, ParsedWebhook parsed, String dedupeKey) {
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
    }

    private void count(Connection connection, String outcome) {
        metrics.counter("pms_connector_webhooks_received_total", "connection", connection.id, "outcome", outcome)
                .increment();
    }

    private static String eventId(String connectionId, String dedupeKey, int index) {
        return Ids.derived(connectionId, dedupeKey, index).toString();
    }

    /** Without a PMS event id, the same signature over the same body is the same delivery. */
    private static String digest(WebhookRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            request.headers().entrySet().stream()
                    .filter(h -> h.getKey().contains("signature"))
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(h -> sha.update(h.getValue().getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest(request.body()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
