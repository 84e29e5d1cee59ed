package com.pmsbridge.queue.intake;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.event.LifecycleEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;

/** Turns lifecycle events from {@code pms.domain-events.v1} into queue items. */
@ApplicationScoped
public class LifecycleEventConsumer {
    private static final Logger LOG = Logger.getLogger(LifecycleEventConsumer.class);
    private final ItemIntake intake;

    LifecycleEventConsumer(ItemIntake intake) {
        this.intake = intake;
    }

    @Incoming("domain-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) throws IOException {
        LifecycleEvent event = ContractJson.mapper().readValue(record.value(), LifecycleEvent.class);
        if (event.eventId() == null || event.type() == null || event.org() == null) {
            throw new IllegalArgumentException("lifecycle event without eventId, type or org");
        }
        intake.accept(event).ifPresent(item -> LOG.debugf("queued %s item %s", item.type, item.id));
    }
}
