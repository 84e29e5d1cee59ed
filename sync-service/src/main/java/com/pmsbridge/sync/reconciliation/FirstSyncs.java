package com.pmsbridge.sync.reconciliation;

import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.service.persistence.SqlTimes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * When each connection's first Sync completed. What a Sync finds before then is the state the hub starts from; what a
 * later Sync finds (a record no webhook or poll told of) is news for the queue. Read every 30 s and told of each
 * completed Sync at once.
 */
@ApplicationScoped
public class FirstSyncs {
    private static final Logger LOG = Logger.getLogger(FirstSyncs.class);
    private final EntityManager em;
    private volatile Map<String, Instant> completed;

    FirstSyncs(EntityManager em) {
        this.em = em;
    }

    /** Whether the change was read after its connection's first Sync had completed. */
    public boolean readAfterFirstSync(ChangeEvent event) {
        Instant first = snapshot().get(key(event.org(), event.connectionId()));
        return first != null && event.receivedAt() != null && event.receivedAt().isAfter(first);
    }

    void completed(String org, String connectionId, Instant at) {
        Map<String, Instant> next = new HashMap<>(snapshot());
        next.merge(key(org, connectionId), at, (known, later) -> known.isBefore(later) ? known : later);
        completed = next;
    }

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            completed = load();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "first Syncs not read again, the last ones stay: %s",
                    e.getClass().getSimpleName());
        }
    }

    private Map<String, Instant> snapshot() {
        Map<String, Instant> current = completed;
        if (current == null) {
            synchronized (this) {
                if (completed == null) {
                    completed = load();
                }
                current = completed;
            }
        }
        return current;
    }

    private Map<String, Instant> load() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Instant> first = new HashMap<>();
            for (Object row : em.createNativeQuery("""
                            select org, connection_id, min(sync_completed_at) from reconciliation
                            group by org, connection_id""").getResultList()) {
                Object[] r = (Object[]) row;
                first.put(key((String) r[0], (String) r[1]), SqlTimes.toInstant(r[2]));
            }
            return first;
        });
    }

    private static String key(String org, String connectionId) {
        return org + '\n' + connectionId;
    }
}
