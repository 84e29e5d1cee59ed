package com.pmsbridge.queue.intake;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.queue.apply.Decisions;
import com.pmsbridge.queue.item.QueueItem;
import com.pmsbridge.queue.log.ActionLog;
import com.pmsbridge.queue.settings.AutoApplySettings;
import com.pmsbridge.service.failure.UntilAvailable;
import com.pmsbridge.service.tracing.MessageSpans;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;

/**
 * Turns lifecycle events from {@code pms.domain-events.v1} into queue items, and applies at once the items whose
 * type has auto-apply on (as {@code automation}). A record that is not a lifecycle event fails over to the DLQ; an
 * outage (database or broker unreachable) is waited out with the offset kept, so no item is lost to it.
 */
@ApplicationScoped
public class LifecycleEventConsumer {
    private final ItemIntake intake;
    private final AutoApplySettings settings;
    private final Decisions decisions;
    private final Counter outageRetries;
    private final MessageSpans spans;

    LifecycleEventConsumer(
            ItemIntake intake,
            AutoApplySettings settings,
            Decisions decisions,
            MeterRegistry metrics,
            MessageSpans spans) {
        this.spans = spans;
        this.intake = intake;
        this.settings = settings;
        this.decisions = decisions;
        this.outageRetries = metrics.counter("pms_queue_intake_retries_total", "cause", "transient");
    }

    @Incoming("domain-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) throws IOException {
        // the trace of the change that caused the event goes on: the item keeps it for its Apply
        spans.process(record, () -> take(record));
    }

    private void take(ConsumerRecord<String, String> record) throws IOException {
        LifecycleEvent event = ContractJson.mapper().readValue(record.value(), LifecycleEvent.class);
        if (event.eventId() == null || event.type() == null || event.org() == null || event.entityKey() == null) {
            throw new IllegalArgumentException("lifecycle event without eventId, type, org or entityKey");
        }
        UntilAvailable.run("lifecycle event " + event.eventId(), outageRetries, () -> take(event));
    }

    private void take(LifecycleEvent event) {
        for (QueueItem item : intake.accept(event)) {
            if (settings.enabled(item.org, item.propertyId, item.type)) {
                decisions.apply(item.id, item.org, ActionLog.AUTOMATION, true);
            }
        }
    }
}
