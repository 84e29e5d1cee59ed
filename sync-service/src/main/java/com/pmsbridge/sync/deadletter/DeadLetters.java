package com.pmsbridge.sync.deadletter;

import com.pmsbridge.contract.CloudEventHeaders;
import com.pmsbridge.contract.event.DeadLetter;
import com.pmsbridge.service.deadletter.DeadLetterRecords;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Sends an unprocessable record to {@code pms.dlq.v1} in the {@link DeadLetter} envelope, and waits for the ack. */
@ApplicationScoped
@Startup
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
        DeadLetter letter = DeadLetter.ofRecord(
                "sync-service",
                stage,
                reason,
                CloudEventHeaders.get(record.headers(), CloudEventHeaders.ORG),
                CloudEventHeaders.get(record.headers(), CloudEventHeaders.SOURCE) == null
                        ? null
                        : connectionOf(CloudEventHeaders.get(record.headers(), CloudEventHeaders.SOURCE)),
                record.topic(),
                record.partition(),
                record.offset(),
                record.value());
        emitter.sendMessage(DeadLetterRecords.message(letter, record.key()))
                .await()
                .atMost(Duration.ofSeconds(30));
        metrics.counter("pms_sync_dead_letters_total", "stage", stage).increment();
    }

    /** The connection a change's CloudEvent source names ({@code /connections/<id>}), or null. */
    private static String connectionOf(String source) {
        return source.startsWith("/connections/") ? source.substring("/connections/".length()) : null;
    }
}
