package com.pmsbridge.sync.eventstore;

import com.pmsbridge.sync.outbox.DeadLetters;
import com.pmsbridge.sync.outbox.OutboxRelay;
import com.pmsbridge.sync.projection.ChangeProjector;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes every {@code pms.<entity>.changes.v1} topic, a polled batch at a time, in one transaction per batch. The
 * offsets are committed after this method returns, so a crash replays the batch and the event ids make the replay a
 * no-op. What the batch caused is in the outbox (same transaction); the relay thread publishes it while the next
 * batch is projected. An invalid record goes to the DLQ with the reason and the stream goes on.
 */
@ApplicationScoped
public class ChangeEventConsumer {
    private final ChangeProjector projector;
    private final OutboxRelay relay;
    private final DeadLetters deadLetters;

    ChangeEventConsumer(ChangeProjector projector, OutboxRelay relay, DeadLetters deadLetters) {
        this.projector = projector;
        this.relay = relay;
        this.deadLetters = deadLetters;
    }

    @Incoming("change-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, String> records) {
        List<ChangeProjector.Incoming> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(new ChangeProjector.Incoming(ChangeEventReader.read(record.value()), record.value()));
            } catch (InvalidChangeEventException e) {
                deadLetters.send("projection", e.getMessage(), record);
            }
        }
        // one transaction per polled batch, not per event; per entity the order is the partition's order
        projector.projectAll(events);
        // published by the relay thread while the next batch is projected; the sweep covers a crash in between
        relay.wake();
    }
}
