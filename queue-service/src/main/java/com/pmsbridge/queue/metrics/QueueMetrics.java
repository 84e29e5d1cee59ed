package com.pmsbridge.queue.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;

/**
 * Queue health for dashboards, refreshed from the database on a schedule (counting on every scrape would put load
 * on the database): pending items by organisation, type and age bucket, and the age of the oldest pending item.
 * Applied/skipped/failed counters and the apply latency are recorded where the decisions happen.
 */
@ApplicationScoped
public class QueueMetrics {
    private final EntityManager em;
    private final MultiGauge pending;
    private final MultiGauge oldest;

    QueueMetrics(EntityManager em, MeterRegistry registry) {
        this.em = em;
        this.pending = MultiGauge.builder("pms_queue_pending_items")
                .description("Pending items by organisation, type and age bucket (lt_1h, 1h_24h, gt_24h)")
                .register(registry);
        this.oldest = MultiGauge.builder("pms_queue_oldest_pending_age_seconds")
                .description("Age of the oldest pending item per organisation")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(
            every = "${queue.metrics.refresh-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class) // not while shutting down
    void refresh() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<MultiGauge.Row<?>> pendingRows = new ArrayList<>();
            for (Object row : em.createNativeQuery("""
                    select org, type,
                           case when created_at > now() - interval '1 hour' then 'lt_1h'
                                when created_at > now() - interval '24 hours' then '1h_24h' else 'gt_24h' end as age,
                           count(*)
                    from queue_item where status = 'PENDING' group by 1, 2, 3""").getResultList()) {
                Object[] r = (Object[]) row;
                pendingRows.add(MultiGauge.Row.of(
                        Tags.of("org", (String) r[0], "type", (String) r[1], "age", (String) r[2]),
                        ((Number) r[3]).doubleValue()));
            }
            pending.register(pendingRows, true);
            List<MultiGauge.Row<?>> oldestRows = new ArrayList<>();
            for (Object row : em.createNativeQuery("""
                    select org, extract(epoch from now() - min(created_at)) from queue_item
                    where status = 'PENDING' group by org""").getResultList()) {
                Object[] r = (Object[]) row;
                oldestRows.add(MultiGauge.Row.of(Tags.of("org", (String) r[0]), ((Number) r[1]).doubleValue()));
            }
            oldest.register(oldestRows, true);
        });
    }
}
