package com.pmsbridge.connector.emit;

import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.service.kafka.CloudEventMessages;
import com.pmsbridge.service.kafka.WithoutTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Channel;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;

/**
 * Publishes canonical change events to {@code pms.<entity>.changes.v1} as CloudEvents (binary mode), keyed by the
 * entity key. The returned Uni completes only when the broker acknowledged the record (acks=all).
 */
@ApplicationScoped
public class ChangeEventPublisher {
    private final MutinyEmitter<String> emitter;
    private final MeterRegistry metrics;

    ChangeEventPublisher(@Channel("change-events") MutinyEmitter<String> emitter, MeterRegistry metrics) {
        this.emitter = emitter;
        this.metrics = metrics;
    }

    /** Publishes and waits for the broker's acknowledgement. */
    public void publishAndAwait(ChangeEvent event, Duration timeout) {
        WithoutTransaction.run(() -> publish(event).await().atMost(timeout));
    }

    /** Publishes all concurrently and waits until the broker acknowledged every one. */
    public void publishAllAndAwait(List<ChangeEvent> events, Duration timeout) {
        if (events.isEmpty()) {
            return;
        }
        WithoutTransaction.run(() -> Uni.join()
                .all(events.stream().map(this::publish).toList())
                .andFailFast()
                .await()
                .atMost(timeout));
    }

    private Uni<Void> publish(ChangeEvent event) {
        String key = event.key().value();
        return emitter.sendMessage(CloudEventMessages.of(
                        Topics.changes(event.entityType()),
                        key,
                        event.eventId(),
                        "/connections/" + event.connectionId(),
                        ChangeEvent.cloudEventType(event.entityType()),
                        key,
                        event.receivedAt(),
                        event.org(),
                        event))
                .invoke(() -> metrics.counter(
                                "pms_connector_events_emitted_total",
                                "entity",
                                event.entityType().wireName(),
                                "op",
                                event.op().code())
                        .increment());
    }
}
