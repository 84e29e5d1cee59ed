package com.pmsbridge.queue.apply;

import com.pmsbridge.queue.item.ItemStatus;
import com.pmsbridge.queue.item.QueueItem;
import com.pmsbridge.queue.log.ActionLog;
import com.pmsbridge.service.tracing.MessageSpans;
import com.pmsbridge.service.tracing.TraceContexts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Apply and Skip. Applying locks the item's row, publishes its effect and marks it APPLIED with a log entry, all in
 * one transaction: a double click, a retry or a second operator waits on the lock and then finds the item applied,
 * so the effect is published once. Should the service die after publishing and before committing, the item is
 * still PENDING and a new Apply publishes the effect again under the same event id (the item id), which consumers
 * drop as a duplicate.
 */
@ApplicationScoped
public class Decisions {
    private static final Logger LOG = Logger.getLogger(Decisions.class);
    private static final Set<ItemStatus> APPLICABLE = Set.of(ItemStatus.PENDING, ItemStatus.FAILED);

    private final EntityManager em;
    private final ActionPublisher publisher;
    private final ActionLog log;
    private final MeterRegistry metrics;
    private final MessageSpans spans;

    Decisions(EntityManager em, ActionPublisher publisher, ActionLog log, MeterRegistry metrics, MessageSpans spans) {
        this.spans = spans;
        this.em = em;
        this.publisher = publisher;
        this.log = log;
        this.metrics = metrics;
    }

    /** Applies an item of the organisation; empty when there is no such item in it. */
    @Transactional
    public Optional<QueueItem> apply(UUID id, String org, String actor, boolean automated) {
        QueueItem item = lock(id, org);
        if (item == null || !APPLICABLE.contains(item.status)) {
            return Optional.ofNullable(item);
        }
        item.attempts++;
        item.decidedBy = actor;
        item.decidedAt = Instant.now();
        item.updatedAt = item.decidedAt;
        item.automated = automated;
        // the Apply joins the trace of the change that created the item (linked to the operator's request)
        Span span = spans.startContinuing("queue item apply", TraceContexts.fromTraceparent(item.traceParent));
        span.setAttribute("pms.queue.item.id", item.id.toString());
        try (Scope ignored = span.makeCurrent()) {
            publisher.publish(Effects.of(item, actor, automated));
            item.status = ItemStatus.APPLIED;
            item.reason = null;
            log.item(item, "APPLY", actor, "APPLIED", item.summary);
            metrics.counter(
                            "pms_queue_items_applied_total",
                            "type",
                            item.type.name(),
                            "automated",
                            Boolean.toString(automated))
                    .increment();
            Timer.builder("pms_queue_apply_latency_seconds")
                    .description("From item creation to its effect being published")
                    .tag("type", item.type.name())
                    .publishPercentileHistogram()
                    .register(metrics)
                    .record(Duration.between(item.createdAt, item.decidedAt));
        } catch (EffectFailedException e) {
            fail(item, actor, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "effect of item %s could not be published: %s",
                    item.id, e.getClass().getSimpleName());
            fail(item, actor, "the effect could not be published; retry");
        } finally {
            span.end();
        }
        return Optional.of(item);
    }

    /** Skips an item of the organisation that is still PENDING or FAILED. */
    @Transactional
    public Optional<QueueItem> skip(UUID id, String org, String actor, String reason) {
        QueueItem item = lock(id, org);
        if (item == null || !APPLICABLE.contains(item.status)) {
            return Optional.ofNullable(item);
        }
        item.status = ItemStatus.SKIPPED;
        item.reason = reason;
        item.decidedBy = actor;
        item.decidedAt = Instant.now();
        item.updatedAt = item.decidedAt;
        log.item(item, "SKIP", actor, "SKIPPED", reason == null ? item.summary : item.summary + " — " + reason);
        metrics.counter("pms_queue_items_skipped_total", "type", item.type.name())
                .increment();
        return Optional.of(item);
    }

    private void fail(QueueItem item, String actor, String reason) {
        item.status = ItemStatus.FAILED;
        item.reason = reason;
        log.item(item, "APPLY", actor, "FAILED", reason);
        metrics.counter("pms_queue_items_failed_total", "type", item.type.name())
                .increment();
    }

    private QueueItem lock(UUID id, String org) {
        QueueItem item = em.find(QueueItem.class, id, LockModeType.PESSIMISTIC_WRITE);
        return item != null && item.org.equals(org) ? item : null;
    }
}
