package com.pmsbridge.connector.emit;

import com.pmsbridge.contract.event.DeadLetter;
import com.pmsbridge.service.deadletter.DeadLetterRecords;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Sends what cannot be processed to {@code pms.dlq.v1} in the {@link DeadLetter} envelope, and waits for the ack. */
@ApplicationScoped
public class DeadLetterPublisher {
    private static final String SERVICE = "connector-service";
    private final MutinyEmitter<String> emitter;
    private final MeterRegistry metrics;

    DeadLetterPublisher(@Channel("change-events") MutinyEmitter<String> emitter, MeterRegistry metrics) {
        this.emitter = emitter;
        this.metrics = metrics;
    }

    /** Input that did not come from a topic (a webhook, a PMS's answer): kept for the operator. */
    public void publish(String stage, String reason, String org, String connectionId, String key, String rawPayload) {
        publish(DeadLetter.ofInput(SERVICE, stage, reason, org, connectionId, rawPayload), key);
    }

    /** A record read from Kafka: the letter names its topic, partition and offset, so a replay can send it back. */
    public void publish(
            String stage, String reason, String org, String connectionId, ConsumerRecord<String, String> in) {
        publish(
                DeadLetter.ofRecord(
                        SERVICE, stage, reason, org, connectionId, in.topic(), in.partition(), in.offset(), in.value()),
                in.key());
    }

    private void publish(DeadLetter letter, String key) {
        emitter.sendMessage(DeadLetterRecords.message(letter, key)).await().atMost(Duration.ofSeconds(30));
        metrics.counter(
                        "pms_connector_dead_letters_total",
                        "connection",
                        String.valueOf(letter.connectionId()),
                        "stage",
                        letter.stage())
                .increment();
    }
}
