package com.pmsbridge.sync.outbox;

import com.pmsbridge.service.kafka.WithoutTransaction;
import com.pmsbridge.contract.CloudEventHeaders;
import com.pmsbridge.service.persistence.SqlTimes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    OutboxRelay(EntityManager em, @Channel("outbox") MutinyEmitter<String> emitter) {
        this.em = em;
        this.emitter = emitter;
    }

    /** Publishes every pending row; returns how many. */
    public int flush() {
        int total = 0;
        int published;
        do {
            published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            total += published;
        } while (published == BATCH);
        return total;
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
