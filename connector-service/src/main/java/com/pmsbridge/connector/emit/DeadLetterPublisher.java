package com.pmsbridge.connector.emit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.contract.CloudEventHeaders;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.DeadLetter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Sends what cannot be processed to {@code pms.dlq.v1} with the reason, connection and raw payload. */
@ApplicationScoped
public class DeadLetterPublisher {
    private final MutinyEmitter<String> emitter;
    private final MeterRegistry metrics;

    DeadLetterPublisher(@Channel("change-events") MutinyEmitter<String> emitter, MeterRegistry metrics) {
        this.emitter = emitter;
        this.metrics = metrics;
    }

    /** Publishes and waits for the broker's acknowledgement. */
    public void publish(String stage, String reason, String org, String connectionId, String key, String rawPayload) {
        DeadLetter letter =
                new DeadLetter("connector-service", stage, reason, org, connectionId, null, rawPayload, Instant.now());
        String id = UUID.nameUUIDFromBytes(
                        (connectionId + "|" + stage + "|" + rawPayload).getBytes(StandardCharsets.UTF_8))
                .toString();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.DLQ)
                .withKey(key)
                .withHeaders(CloudEventHeaders.of(
                        id, "/connections/" + connectionId, DeadLetter.CLOUD_EVENT_TYPE, key, letter.failedAt(), org))
                .build();
        try {
            emitter.sendMessage(Message.of(ContractJson.mapper().writeValueAsString(letter))
                            .addMetadata(metadata))
                    .await()
                    .atMost(Duration.ofSeconds(30));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        metrics.counter("pms_connector_dead_letters_total", "connection", connectionId, "stage", stage)
                .increment();
    }
}
