package com.pmsbridge.sync.freshness;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Freshness of applied PMS changes per organisation and connection, counted in memory in log-scale buckets and added
 * to {@code freshness_tally} every 30 s: one write per connection and bucket instead of one per change, and every
 * replica's counts end in the same rows, so a percentile read from them covers the whole service.
 */
@ApplicationScoped
public class FreshnessLedger {
    private static final Logger LOG = Logger.getLogger(FreshnessLedger.class);
    /** Four buckets per doubling: a percentile read back is at most 19% above the true value. */
    static final int PER_DOUBLING = 4;
    /** 2^(128/4) ms is about 50 days; anything slower lands in the last bucket. */
    static final int BUCKETS = 128;

    private final Map<String, Map<String, AtomicLongArray>> byOrg = new ConcurrentHashMap<>();
    private final EntityManager em;

    /** @param config named so Quarkus registers the schedule's property with its default */
    FreshnessLedger(EntityManager em, FreshnessConfig config) {
        this.em = em;
    }

    public void record(String org, String connectionId, Duration freshness) {
        byOrg.computeIfAbsent(org, o -> new ConcurrentHashMap<>())
                .computeIfAbsent(connectionId, c -> new AtomicLongArray(BUCKETS))
                .incrementAndGet(bucketOf(freshness.toMillis()));
    }

    static int bucketOf(long millis) {
        if (millis <= 1) {
            return 0;
        }
        int bucket = (int) Math.floor(Math.log(millis) / Math.log(2) * PER_DOUBLING);
        return Math.min(bucket, BUCKETS - 1);
    }

    /** The largest freshness a bucket holds, in milliseconds. */
    static double upperMillis(int bucket) {
        return Math.pow(2, (bucket + 1) / (double) PER_DOUBLING);
    }

    @Scheduled(
            every = "${sync.freshness.flush-interval}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        byOrg.forEach((org, connections) -> connections.forEach((connectionId, counts) -> {
            long[] taken = take(counts);
            try {
                QuarkusTransaction.requiringNew().run(() -> write(org, connectionId, taken));
            } catch (RuntimeException e) {
                give(counts, taken); // kept for the next flush
                LOG.warnf(
                        "freshness counts kept for the next flush: %s",
                        e.getClass().getSimpleName());
            }
        }));
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery(
                                    "delete from freshness_tally where minute < now() - interval '2 hours'")
                            .executeUpdate());
        } catch (RuntimeException e) {
            LOG.debugf(
                    "old freshness counts not deleted this time: %s",
                    e.getClass().getSimpleName());
        }
    }

    private void write(String org, String connectionId, long[] taken) {
        for (int bucket = 0; bucket < taken.length; bucket++) {
            if (taken[bucket] > 0) {
                em.createNativeQuery("""
                                insert into freshness_tally (org, connection_id, minute, bucket, count)
                                values (?1, ?2, date_trunc('minute', now()), ?3, ?4)
                                on conflict (connection_id, minute, bucket)
                                do update set count = freshness_tally.count + excluded.count""")
                        .setParameter(1, org)
                        .setParameter(2, connectionId)
                        .setParameter(3, (short) bucket)
                        .setParameter(4, taken[bucket])
                        .executeUpdate();
            }
        }
    }

    private static long[] take(AtomicLongArray counts) {
        long[] taken = new long[counts.length()];
        for (int i = 0; i < taken.length; i++) {
            taken[i] = counts.getAndSet(i, 0);
        }
        return taken;
    }

    private static void give(AtomicLongArray counts, long[] taken) {
        for (int i = 0; i < taken.length; i++) {
            counts.addAndGet(i, taken[i]);
        }
    }
}
