package com.pmsbridge.connector.inbox;

import com.pmsbridge.contract.Topics;
import com.pmsbridge.service.kafka.CloudEventMessages;
import com.pmsbridge.service.kafka.WithoutTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Channel;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Puts a thin webhook's reference on the internal inbox topic; completes when Kafka acknowledged it. */
@ApplicationScoped
public class InboxPublisher {
    static final String CE_TYPE = "com.pmsbridge.connector.inbox-entry.v1";
    private final MutinyEmitter<String> emitter;

    InboxPublisher(@Channel("change-events") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Publishes and waits for the broker's acknowledgement, outside the caller's transaction context. */
    public void publishAndAwait(InboxEntry entry, Duration timeout) {
        WithoutTransaction.run(() -> publish(entry).await().atMost(timeout));
    }

    private Uni<Void> publish(InboxEntry entry) {
        String key = entry.reference().entityType().wireName() + ":" + entry.connectionId() + ":"
                + entry.reference().externalId();
        return emitter.sendMessage(CloudEventMessages.of(
                Topics.CONNECTOR_INBOX,
                key,
                entry.entryId(),
                "/connections/" + entry.connectionId(),
                CE_TYPE,
                key,
                entry.receivedAt(),
                entry.org(),
                entry));
    }
}
