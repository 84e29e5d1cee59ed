package com.pmsbridge.connector.inbox;

import com.pmsbridge.connector.adapter.MappingException;
import com.pmsbridge.connector.adapter.PmsAdapter;
import com.pmsbridge.connector.adapter.PmsAdapters;
import com.pmsbridge.connector.adapter.PmsUnavailableException;
import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.connector.connection.ConnectionHealth;
import com.pmsbridge.connector.emit.ChangeEventPublisher;
import com.pmsbridge.connector.emit.DeadLetterPublisher;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.Ids;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.service.failure.UntilAvailable;
import com.pmsbridge.service.tracing.MessageSpans;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.RunOnVirtualThread;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the full entity behind each thin webhook and publishes its canonical change. Entries are fetched concurrently
 * (order does not matter: each fetch reads the entity's current state, and the projection keeps the newest version),
 * within each connection's own concurrency limit and circuit. A record that cannot be mapped, or a PMS that does not
 * answer after retries, sends the entry to the DLQ with the reason; the stream goes on.
 */
@ApplicationScoped
public class InboxConsumer {
    private final PmsAdapters adapters;
    private final ChangeEventPublisher publisher;
    private final DeadLetterPublisher deadLetters;
    private final ConnectionHealth health;
    private final MeterRegistry metrics;
    private final MessageSpans spans;

    InboxConsumer(
            PmsAdapters adapters,
            ChangeEventPublisher publisher,
            DeadLetterPublisher deadLetters,
            ConnectionHealth health,
            MeterRegistry metrics,
            MessageSpans spans) {
        this.spans = spans;
        this.adapters = adapters;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.health = health;
        this.metrics = metrics;
    }

    @Incoming("connector-inbox")
    @RunOnVirtualThread // each entry on its own thread: a slow PMS holds up only its own connection's fetches
    @ActivateRequestContext
    public void consume(ConsumerRecord<String, String> record) throws Exception {
        // the webhook's trace goes on: the PMS fetch and the change event are its spans
        spans.process(record, () -> take(record));
    }

    private void take(ConsumerRecord<String, String> record) throws Exception {
        InboxEntry entry = ContractJson.mapper().readValue(record.value(), InboxEntry.class);
        // the database or the broker away is waited out with the offset kept: the fetch is not lost to it
        UntilAvailable.run(
                "inbox entry " + entry.entryId(),
                metrics.counter("pms_connector_consumer_retries_total", "consumer", "inbox"),
                () -> fetch(record, entry));
    }

    private void fetch(ConsumerRecord<String, String> record, InboxEntry entry) {
        Connection connection = health.find(entry.connectionId());
        if (connection == null) {
            deadLetters.publish("fetch", "connection no longer exists", entry.org(), entry.connectionId(), record);
            return;
        }
        PmsAdapter adapter = adapters.forType(connection.pmsType).orElseThrow();
        String eventId = Ids.derived("inbox", entry.entryId()).toString();
        try {
            Optional<ChangeEvent> change = entry.reference().op() == Op.DELETE
                    ? Optional.of(deleted(connection, entry))
                    : adapter.fetch(connection, entry.reference());
            health.succeeded(connection.id);
            if (change.isEmpty()) {
                metrics.counter("pms_connector_fetch_gone_total", "connection", connection.id)
                        .increment();
                return;
            }
            publisher.publishAndAwait(change.get().withEventId(eventId), Duration.ofSeconds(30));
        } catch (MappingException e) {
            deadLetters.publish("mapping", e.getMessage(), connection.org, connection.id, record.key(), e.rawPayload());
        } catch (PmsUnavailableException e) {
            health.failed(connection.id, e);
            deadLetters.publish("fetch", e.getMessage(), connection.org, connection.id, record);
        }
    }

    private static ChangeEvent deleted(Connection connection, InboxEntry entry) {
        Instant at = entry.reference().occurredAt() == null
                ? entry.receivedAt()
                : entry.reference().occurredAt();
        return new ChangeEvent(
                ChangeEvent.SCHEMA_VERSION,
                entry.entryId(),
                connection.org,
                connection.id,
                connection.pmsType,
                entry.reference().entityType(),
                entry.reference().externalId(),
                Op.DELETE,
                at.toString(),
                entry.reference().pmsEventId(),
                at,
                entry.receivedAt(),
                Map.of());
    }
}
