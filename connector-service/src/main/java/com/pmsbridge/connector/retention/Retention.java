package com.pmsbridge.connector.retention;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;

/** Purges, hourly and in small batches, the delivery, fingerprint and finished write-back rows past their age. */
@ApplicationScoped
public class Retention {
    private static final Logger LOG = Logger.getLogger(Retention.class);
    private final EntityManager em;
    private final RetentionConfig config;
    private final MeterRegistry metrics;

    Retention(EntityManager em, RetentionConfig config, MeterRegistry metrics) {
        this.em = em;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "retention purge failed, retrying at the next run: %s",
                    e.getClass().getSimpleName());
        }
    }

    /** Deletes every row past its age; returns how many. */
    public long purge() {
        return purge("webhook_delivery", "received_at < ?1", config.webhookDeliveries())
                + purge("entity_fingerprint", "updated_at < ?1", config.fingerprints())
                + purge(
                        "writeback_command",
                        "status <> 'IN_PROGRESS' and coalesce(completed_at, created_at) < ?1",
                        config.finishedWritebacks());
    }

    private long purge(String table, String condition, Duration age) {
        Instant cutoff = Instant.now().minus(age);
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery("delete from " + table + " where ctid in (select ctid from "
                                    + table + " where " + condition + " limit " + config.batchSize() + ")")
                            .setParameter(1, cutoff)
                            .executeUpdate());
            total += deleted;
        } while (deleted == config.batchSize());
        metrics.counter("pms_connector_retention_deleted_total", "table", table).increment(total);
        return total;
    }
}
