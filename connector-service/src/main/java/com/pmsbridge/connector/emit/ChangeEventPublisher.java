package com.pmsbridge.connector.emit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.contract.CloudEventHeaders;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.service.kafka.WithoutTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

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
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.changes(event.entityType()))
                .withKey(event.key().value())
                .withHeaders(CloudEventHeaders.of(
                        event.eventId(),
                        "/connections/" + event.connectionId(),
                        ChangeEvent.cloudEventType(event.entityType()),
                        event.key().value(),
                        event.receivedAt(),
                        event.org()))
                .build();
        return emitter.sendMessage(Message.of(toJson(event)).addMetadata(metadata))
                .invoke(() -> metrics.counter(
                                "pms_connector_events_emitted_total",
                                "entity",
                                event.entityType().wireName(),
                                "op",
                                event.op().code())
                        .increment());
    }

    private static String toJson(ChangeEvent event) {
        try {
            return ContractJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise change event " + event.eventId(), e);
        }
    }
}
