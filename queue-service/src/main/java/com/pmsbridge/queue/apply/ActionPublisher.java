package com.pmsbridge.queue.apply;

import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.QueueAction;
import com.pmsbridge.service.kafka.CloudEventMessages;
import com.pmsbridge.service.kafka.WithoutTransaction;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Publishes an item's effect on {@code pms.queue.actions.v1} and waits for the ack. Keyed by the entity key, so the
 * actions of one lease or resident (an access grant, then its revoke) share a partition and arrive in order.
 */
@ApplicationScoped
public class ActionPublisher {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);
    private final MutinyEmitter<String> emitter;

    ActionPublisher(@Channel("queue-actions") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(QueueAction action) {
        Message<String> message = CloudEventMessages.of(
                Topics.QUEUE_ACTIONS,
                action.entityKey() != null ? action.entityKey() : action.itemId(),
                action.eventId(),
                "/queue-service",
                action.action().cloudEventType(),
                action.entityKey(),
                action.appliedAt(),
                action.org(),
                action);
        WithoutTransaction.run(() -> emitter.sendMessage(message).await().atMost(ACK_TIMEOUT));
    }
}
