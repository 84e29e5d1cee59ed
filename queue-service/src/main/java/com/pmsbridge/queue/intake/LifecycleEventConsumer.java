package com.pmsbridge.queue.intake;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.queue.apply.Decisions;
import com.pmsbridge.queue.item.QueueItem;
import com.pmsbridge.queue.log.ActionLog;
import com.pmsbridge.queue.settings.AutoApplySettings;
import com.pmsbridge.service.failure.TransientFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;

/**
 * Turns lifecycle events from {@code pms.domain-events.v1} into queue items, and applies at once the items whose
 * type has auto-apply on (as {@code automation}). A record that is not a lifecycle event fails over to the DLQ; an
 * outage (database or broker unreachable) is waited out with the offset kept, so no item is lost to it.
 */
@ApplicationScoped
public class LifecycleEventConsumer {
    private static final Logger LOG = Logger.getLogger(LifecycleEventConsumer.class);
    private static final long FIRST_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 10_000;
    private final ItemIntake intake;
    private final AutoApplySettings settings;
    private final Decisions decisions;
    private final Counter outageRetries;

    LifecycleEventConsumer(ItemIntake intake, AutoApplySettings settings, Decisions decisions, MeterRegistry metrics) {
        this.intake = intake;
        this.settings = settings;
        this.decisions = decisions;
        this.outageRetries = metrics.counter("pms_queue_intake_retries_total", "cause", "transient");
    }

    @Incoming("domain-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) throws IOException {
        LifecycleEvent event = ContractJson.mapper().readValue(record.value(), LifecycleEvent.class);
        if (event.eventId() == null || event.type() == null || event.org() == null || event.entityKey() == null) {
            throw new IllegalArgumentException("lifecycle event without eventId, type, org or entityKey");
        }
        long backoffMs = FIRST_BACKOFF_MS;
        while (true) {
            try {
                take(event);
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                LOG.warnf(
                        "unavailable (%s); retrying lifecycle event %s in %d ms",
                        TransientFailures.describe(e), event.eventId(), backoffMs);
                outageRetries.increment();
                pause(backoffMs, e);
                backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
            }
        }
    }

    private void take(LifecycleEvent event) {
        for (QueueItem item : intake.accept(event)) {
            if (settings.enabled(item.org, item.propertyId, item.type)) {
                decisions.apply(item.id, item.org, ActionLog.AUTOMATION, true);
            }
        }
    }

    private static void pause(long ms, RuntimeException cause) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
