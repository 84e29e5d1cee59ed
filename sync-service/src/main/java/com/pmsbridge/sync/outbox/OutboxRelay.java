package com.pmsbridge.sync.outbox;

import com.pmsbridge.contract.CloudEventHeaders;
import com.pmsbridge.service.kafka.KafkaClientSettings;
import com.pmsbridge.service.tracing.KafkaTraceHeaders;
import com.pmsbridge.service.tracing.MessageSpans;
import com.pmsbridge.service.tracing.TraceContexts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes outbox rows in id order; their delete commits only once Kafka acknowledged all of them. The consumer
 * wakes the relay thread after each commit (low latency); a schedule picks up what a crash left behind. One relay
 * transaction runs at a time across all instances (a transaction-level advisory lock; the others wait their turn), so
 * rows leave in id order even with several replicas, which per entity is the order its changes were committed. A
 * crash between publish and delete re-publishes; consumers drop the copy by its {@code ce_id}.
 *
 * <p>A plain idempotent {@link KafkaProducer} rather than a messaging emitter: per-record message wrappers are too
 * costly for about two records per change event.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock key of the relay's turn (any constant no other lock of the database uses). */
    private static final long RELAY_LOCK = 0x706d732d6f757462L; // "pms-outb"

    private static final byte[] SOURCE = "/sync-service".getBytes(StandardCharsets.UTF_8);

    private final EntityManager em;
    private final OutboxConfig config;
    private final Map<String, Object> kafka;
    private final ReentrantLock publishing = new ReentrantLock();
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile KafkaProducer<byte[], byte[]> producer;
    private volatile boolean running = true;
    private final Counter parkedRecords;
    private final MessageSpans spans;

    /** @param kafka the service's {@code kafka.*} settings, as Quarkus gives them to its Kafka channels */
    OutboxRelay(
            EntityManager em,
            OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            MeterRegistry metrics,
            MessageSpans spans) {
        this.spans = spans;
        this.em = em;
        this.config = config;
        this.kafka = kafka;
        this.parkedRecords = metrics.counter("pms_sync_outbox_parked_total");
    }

    /**
     * Publishes every pending record; returns how many. One flush at a time per instance, so rows leave in id order
     * (per entity key, the order they were written).
     */
    public int flush() {
        publishing.lock();
        try {
            int total = 0;
            int published;
            do {
                published = publishBatch();
                total += published;
            } while (published > 0);
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
        KafkaProducer<byte[], byte[]> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }

    private void relayLoop() {
        while (running) {
            try {
                if (wakeUps.tryAcquire(1, TimeUnit.SECONDS) && running) {
                    // (stop() wakes the loop only to end it: a flush then would run against a closing datasource)
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

    @Scheduled(
            every = "${sync.outbox.sweep-interval}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class) // not while shutting down
    void sweep() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf("outbox sweep failed, retrying at the next sweep: %s", e.getMessage());
        }
    }

    /** Claims a batch, publishes it, waits for every ack; all in one transaction of its own. */
    private int publishBatch() {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.unwrap(Session.class).doReturningWork(this::publishBatch));
    }

    /**
     * In its turn, deletes a batch of the oldest rows and publishes them; the caller commits only when Kafka
     * acknowledged every record, so a failure rolls the delete back and the rows are published again. One statement
     * both claims and reads the rows: a separate delete by id list made PostgreSQL scan the churned table, and was the projection's
     * most expensive statement.
     */
    private int publishBatch(Connection connection) throws SQLException {
        try (Statement timeout = connection.createStatement()) {
            // a relay transaction left hanging (its client gone, a pathological scan) would hold back vacuum for
            // every table and let the outbox bloat; bounded by the time it may wait for Kafka anyway
            timeout.execute("set local statement_timeout = " + config.ackTimeoutMs());
        }
        try (Statement turn = connection.createStatement()) {
            // one relay at a time, whichever instance: batches cannot overtake each other, and no row locks are needed
            // (FOR UPDATE SKIP LOCKED wrote every claimed row twice, once to lock and once to delete it); rows of
            // transactions still open are not visible yet and wait for the next turn
            turn.execute("select pg_advisory_xact_lock(" + RELAY_LOCK + ")");
        }
        List<Claimed> batches = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement("""
                delete from outbox_batch where id in (
                    select id from (select id, sum(record_count) over (order by id) - record_count as records_before
                                    from outbox_batch order by id limit ?) oldest
                    where records_before < ?)
                returning id, records, created_at""")) {
            claim.setInt(1, config.batchSize());
            claim.setInt(2, config.batchSize());
            try (ResultSet result = claim.executeQuery()) {
                while (result.next()) {
                    batches.add(new Claimed(
                            result.getLong(1),
                            result.getBytes(2),
                            result.getTimestamp(3).toInstant()));
                }
            }
        }
        // RETURNING does not keep the subquery's order; per entity key the records must leave in id order
        batches.sort(Comparator.comparingLong(Claimed::id));
        KafkaProducer<byte[], byte[]> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        List<OutboxBatch.Record> sent = new ArrayList<>();
        for (Claimed batch : batches) {
            byte[] time = batch.createdAt().toString().getBytes(StandardCharsets.UTF_8);
            for (OutboxBatch.Record record : OutboxBatch.decode(batch.records())) {
                sent.add(record);
                Headers headers = CloudEventHeaders.ofEncoded(
                        record.eventId(), SOURCE, record.ceType(), record.subject(), time, record.org());
                Span span = publishSpan(record, headers);
                acks.add(kafka.send(
                        new ProducerRecord<>(record.topic(), null, record.key(), record.payload(), headers),
                        span == null ? null : (metadata, failure) -> ended(span, failure)));
            }
        }
        park(connection, awaitAll(acks, sent));
        return acks.size();
    }

    /**
     * For a record whose cause was traced: a publish span continuing that trace, its traceparent in the record's
     * headers (the consumer's span is its child); null for an untraced record.
     */
    private Span publishSpan(OutboxBatch.Record record, Headers headers) {
        Context cause = TraceContexts.fromTraceparent(record.traceparent());
        if (!TraceContexts.hasSpan(cause)) {
            return null;
        }
        Span span = spans.startPublish(record.topic(), cause);
        KafkaTraceHeaders.toHeaders(cause.with(span), headers);
        return span;
    }

    private static void ended(Span span, Exception failure) {
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }
        span.end();
    }

    /** The broker's answers that sending the same record again can never change. */
    private static boolean refusedForGood(Throwable failure) {
        return failure instanceof RecordTooLargeException
                || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidRecordException
                || failure instanceof InvalidTopicException;
    }

    /** A record the broker refused for good, and why. */
    private record Refused(OutboxBatch.Record record, String reason) {}

    /** Parked in the relay's transaction: deleted from the outbox together with the records that were published. */
    private void park(Connection connection, List<Refused> refused) throws SQLException {
        if (refused.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into outbox_parked (event_id, topic, record_key, ce_type, subject, org, payload, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Refused r : refused) {
                insert.setBytes(1, r.record().eventId());
                insert.setString(2, r.record().topic());
                insert.setBytes(3, r.record().key());
                insert.setBytes(4, r.record().ceType());
                insert.setBytes(5, r.record().subject());
                insert.setBytes(6, r.record().org());
                insert.setBytes(7, r.record().payload());
                insert.setString(8, r.reason());
                insert.addBatch();
                LOG.warnf(
                        "outbox record %s for %s parked: %s",
                        new String(r.record().eventId(), StandardCharsets.UTF_8),
                        r.record().topic(),
                        r.reason());
            }
            insert.executeBatch();
        }
        parkedRecords.increment(refused.size());
    }

    /** An outbox row claimed (deleted, not yet committed) for publishing: the records of (part of) a transaction. */
    private record Claimed(long id, byte[] records, Instant createdAt) {}

    /**
     * Waits for every ack. A record the broker refuses for good (too large, an invalid topic) is returned to be parked:
     * publishing it again could never succeed and would hold up everything after it. Any other failure (the broker
     * away, a timeout) throws: nothing is deleted, the rows are published again and consumers drop copies by ce_id.
     */
    private List<Refused> awaitAll(List<Future<RecordMetadata>> acks, List<OutboxBatch.Record> sent) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.ackTimeoutMs());
        List<Refused> refused = new ArrayList<>();
        try {
            for (int i = 0; i < acks.size(); i++) {
                try {
                    acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    if (!refusedForGood(e.getCause())) {
                        throw e;
                    }
                    refused.add(new Refused(sent.get(i), e.getCause().getClass().getSimpleName()));
                }
            }
            return refused;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            // nothing is deleted: the rows stay and are published again (consumers dedupe by ce_id)
            throw new IllegalStateException("Kafka did not acknowledge the batch: " + e.getMessage(), e);
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        KafkaProducer<byte[], byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(
                            producerSettings(kafka, config), new ByteArraySerializer(), new ByteArraySerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    /**
     * The service's {@code kafka.*} settings that a producer knows (bootstrap servers, and security wherever it is
     * configured, so the relay reaches the broker like the channels do; consumer settings such as the session timeout
     * are left out), then the relay's own.
     */
    static Map<String, Object> producerSettings(Map<String, Object> kafka, OutboxConfig config) {
        Map<String, Object> settings = KafkaClientSettings.known(kafka, ProducerConfig.configNames());
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "sync-service-outbox");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, config.lingerMs());
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, config.producerBatchBytes());
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
        return settings;
    }
}
