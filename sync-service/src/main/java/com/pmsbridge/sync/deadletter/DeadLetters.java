package com.pmsbridge.sync.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.contract.CloudEventHeaders;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.DeadLetter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Sends an unprocessable input to {@code pms.dlq.v1} with the reason, and waits for the broker's ack. */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class DeadLetters {
    private final MutinyEmitter<String> emitter;
    private final MeterRegistry metrics;

    DeadLetters(
            @Channel("dead-letters") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    MutinyEmitter<String> emitter,
            MeterRegistry metrics) {
        this.emitter = emitter;
        this.metrics = metrics;
        // present at 0 from the start, so the DLQ alert sees the first dead letter as an increase
        metrics.counter("pms_sync_dead_letters_total", "stage", "projection");
    }

    public void send(String stage, String reason, ConsumerRecord<String, String> record) {
        String org = CloudEventHeaders.get(record.headers(), CloudEventHeaders.ORG);
        DeadLetter letter =
                new DeadLetter("sync-service", stage, reason, org, null, record.topic(), record.value(), Instant.now());
        String id = UUID.nameUUIDFromBytes((record.topic() + "|" + record.partition() + "|" + record.offset())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.DLQ)
                .withKey(record.key())
                .withHeaders(CloudEventHeaders.of(
                        id, "/sync-service", DeadLetter.CLOUD_EVENT_TYPE, record.key(), letter.failedAt(), org))
                .build();
        emitter.sendMessage(Message.of(json(letter)).addMetadata(metadata))
                .await()
                .atMost(Duration.ofSeconds(30));
        metrics.counter("pms_sync_dead_letters_total", "stage", stage).increment();
    }

    private static String json(DeadLetter letter) {
        try {
            return ContractJson.mapper().writeValueAsString(letter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
