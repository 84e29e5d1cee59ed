package com.pmsbridge.connector.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Refused webhooks per connection and reason, counted in memory and added to {@code webhook_rejections} every 15 s
 * (a flood of forged deliveries costs one write per reason, not one per request), so the console can show an admin
 * that a PMS signs with a stale secret. Only known connections are counted: ids in the path are the caller's choice.
 */
@ApplicationScoped
public class WebhookRejections {
    private static final Logger LOG = Logger.getLogger(WebhookRejections.class);
    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();
    private final EntityManager em;

    /** @param config named so Quarkus registers the schedule's property with its default */
    WebhookRejections(EntityManager em, WebhookRejectionsConfig config) {
        this.em = em;
    }

    void record(String connectionId, String reason) {
        counts.computeIfAbsent(connectionId, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(reason, r -> new LongAdder())
                .increment();
    }

    /** The last 24 hours' refusals of one connection by reason, as far as flushed. */
    public static Map<String, Long> lastDay(EntityManager em, String connectionId) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        select reason, sum(count) from webhook_rejections
                        where connection_id = ?1 and hour >= date_trunc('hour', now()) - interval '23 hours'
                        group by reason order by reason""").setParameter(1, connectionId).getResultList();
        rows.forEach(row -> byReason.put((String) row[0], ((Number) row[1]).longValue()));
        return byReason;
    }

    @Scheduled(
            every = "${connector.webhooks.rejections-flush-interval}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        counts.forEach((connectionId, byReason) -> byReason.forEach((reason, adder) -> {
            long taken = adder.sumThenReset();
            if (taken == 0) {
                return;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> write(connectionId, reason, taken));
            } catch (RuntimeException e) {
                adder.add(taken); // kept for the next flush
                LOG.warnf(
                        "webhook rejection counts kept for the next flush: %s",
                        e.getClass().getSimpleName());
            }
        }));
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery(
                                    "delete from webhook_rejections where hour < now() - interval '8 days'")
                            .executeUpdate());
        } catch (RuntimeException e) {
            LOG.debugf(
                    "old webhook rejection counts not deleted this time: %s",
                    e.getClass().getSimpleName());
        }
    }

    private void write(String connectionId, String reason, long taken) {
        em.createNativeQuery("""
                        insert into webhook_rejections (connection_id, hour, reason, count)
                        values (?1, date_trunc('hour', now()), ?2, ?3)
                        on conflict (connection_id, hour, reason)
                        do update set count = webhook_rejections.count + excluded.count""")
                .setParameter(1, connectionId)
                .setParameter(2, reason)
                .setParameter(3, taken)
                .executeUpdate();
    }
}
