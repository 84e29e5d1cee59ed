package com.pmsbridge.sync.outbox;

import com.pmsbridge.service.kafka.WithoutTransaction;
import com.pmsbridge.contract.CloudEventHeaders;
import com.pmsbridge.service.persistence.SqlTimes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes outbox rows in id order and deletes them once Kafka acknowledged all of them. The consumer calls
 * {@link #flush()} right after its commit (low latency); a schedule picks up what a crash left behind. Rows are
 * locked with SKIP LOCKED so several instances never publish the same row at once. A crash between publish and delete
 * re-publishes; consumers drop the copy by its {@code ce_id}.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 2000;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final EntityManager em;
    private final MutinyEmitter<String> emitter;
    private final ReentrantLock publishing = new ReentrantLock();
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running = true;

    OutboxRelay(EntityManager em,
                @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                MutinyEmitter<String> emitter) {
        this.em = em;
        this.emitter = emitter;
    }

    /**
     * Publishes every pending row; returns how many. One flush at a time per instance, so rows leave in id order
     * (per entity key, the order they were written).
     */
    public int flush() {
        publishing.lock();
        try {
            int total = 0;
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
                total += published;
            } while (published == BATCH);
            return total;
        } finally {
            publishing.unlock();
        }
    }

    /**
     * Asks the relay thread to flush soon, without waiting: the change consumer goes on with its next batch while
     * the previous one is published (projection and publishing overlap instead of alternating).
     */
    public void wake() {
        wakeUps.release();
    }

    void start(@Observes StartupEvent event) {
        Thread.ofPlatform().name("outbox-relay").daemon().start(this::relayLoop);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUps.release();
    }

    private void relayLoop() {
        while (running) {
            try {
                if (wakeUps.tryAcquire(1, TimeUnit.SECONDS)) {
                    wakeUps.drainPermits();
                    flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay failed, retrying at the next wake-up or sweep: %s", e.getMessage());
            }
        }
    }

    @Scheduled(every = "${sync.outbox.sweep-interval:5s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf("outbox sweep failed, retrying at the next sweep: %s", e.getMessage());
        }
    }

    private int publishBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, event_id, topic, record_key, ce_type, ce_subject, org, payload, created_at
                        from outbox order by id limit ?1 for update skip locked""")
                .setParameter(1, BATCH)
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Uni<Void>> acks = new ArrayList<>(rows.size());
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add(((Number) row[0]).longValue());
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic((String) row[2])
                    .withKey((String) row[3])
                    .withHeaders(CloudEventHeaders.of((String) row[1], "/sync-service", (String) row[4],
                            (String) row[5], SqlTimes.toInstant(row[8]), (String) row[6]))
                    .build();
            acks.add(WithoutTransaction.call(() -> emitter.sendMessage(Message.of((String) row[7]).addMetadata(metadata))));
        }
        WithoutTransaction.run(() -> Uni.join().all(acks).andFailFast().await().atMost(ACK_TIMEOUT));
        em.createNativeQuery("delete from outbox where id in (:ids)").setParameter("ids", ids).executeUpdate();
        return rows.size();
    }
}
