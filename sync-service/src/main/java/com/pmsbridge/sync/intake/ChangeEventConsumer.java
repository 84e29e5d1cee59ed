package com.pmsbridge.sync.intake;

import com.pmsbridge.service.failure.TransientFailures;
import com.pmsbridge.service.tracing.MessageSpans;
import com.pmsbridge.service.tracing.TraceContexts;
import com.pmsbridge.sync.deadletter.DeadLetters;
import com.pmsbridge.sync.outbox.OutboxRelay;
import com.pmsbridge.sync.projection.ChangeProjector;
import com.pmsbridge.sync.projection.ConcurrentProjectionException;
import com.pmsbridge.sync.projection.ProjectionResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Consumes every {@code pms.<entity>.changes.v1} topic, a polled batch at a time, in one transaction per batch. The
 * offsets are committed after this method returns, so a crash replays the batch and the event ids make the replay a
 * no-op. What the batch caused is in the outbox (same transaction); the relay thread publishes it while the next
 * batch is projected. An invalid record goes to the DLQ with the reason and the stream goes on.
 *
 * <p>The channel runs {@code concurrency} copies, each with its own Kafka consumer and thread; partitions are split
 * between them and each copy keeps its partitions' order, so two batches never share an entity except while a
 * rebalance moves a partition, which {@link #apply} handles.
 */
@ApplicationScoped
public class ChangeEventConsumer {
    private static final Logger LOG = Logger.getLogger(ChangeEventConsumer.class);
    private static final int MAX_RACE_ATTEMPTS = 5;
    private static final long FIRST_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 30_000;
    /** How many batches look their ids up after a start or a redelivery. */
    static final int LOOKUP_BATCHES = 20;

    private final ChangeProjector projector;
    private final OutboxRelay relay;
    private final DeadLetters deadLetters;
    private final MessageSpans spans;
    /**
     * Batches that still look their event ids up before projecting. Redeliveries come in runs: a (re)started instance
     * or one that took over partitions gets the records after the last committed offsets again, and a failed batch
     * is read again. So the first batches after a start, and those after a redelivery, look up; the others rely on
     * the event store's unique event id and, rarely, project a batch twice instead of once per batch querying ids
     * that are almost never there (docs/sync-service.md).
     */
    private final AtomicInteger lookupsLeft = new AtomicInteger(LOOKUP_BATCHES);

    private final Counter retries;
    private final Counter redeliveries;
    private final Counter outageRetries;

    ChangeEventConsumer(
            ChangeProjector projector,
            OutboxRelay relay,
            DeadLetters deadLetters,
            MeterRegistry metrics,
            MessageSpans spans) {
        this.spans = spans;
        this.projector = projector;
        this.relay = relay;
        this.deadLetters = deadLetters;
        this.retries = metrics.counter("pms_sync_batch_retries_total", "cause", "race");
        this.outageRetries = metrics.counter("pms_sync_batch_retries_total", "cause", "database_unavailable");
        this.redeliveries = metrics.counter("pms_sync_batch_retries_total", "cause", "redelivery");
    }

    @Incoming("change-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, String> records) {
        List<ChangeProjector.Incoming> events = new ArrayList<>(records.count());
        List<ConsumerRecord<String, String>> sources = new ArrayList<>(records.count());
        // a span per traced record (the channel's own tracing is off: a span per record of every bulk batch cost 4 %
        // of the CPU); what the change causes on the topics continues it
        List<Span> traced = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                Span span = spans.startBatched(record);
                events.add(ChangeProjector.Incoming.traced(
                        ChangeEventReader.read(record.value()),
                        record.value(),
                        span == null ? null : TraceContexts.traceparent(span)));
                sources.add(record);
                if (span != null) {
                    traced.add(span);
                }
            } catch (InvalidChangeEventException e) {
                deadLetters.send("projection", e.getMessage(), record);
            }
        }
        try {
            project(events, sources);
        } finally {
            traced.forEach(Span::end);
        }
        // published by the relay thread while the next batch is projected; the sweep covers a crash in between
        relay.wake();
    }

    private void project(List<ChangeProjector.Incoming> events, List<ConsumerRecord<String, String>> sources) {
        List<ProjectionResult> results;
        try {
            results = apply(events);
        } catch (RuntimeException batchFailure) {
            // not an outage and not a race: some record breaks the batch. Each is projected alone, so the valid
            // changes of every organisation are applied and only the breaking one goes to the dead-letter topic.
            LOG.warnf(
                    "a batch of %d changes failed (%s); projecting them one by one",
                    events.size(), TransientFailures.describe(batchFailure));
            results = applyOneByOne(events, sources);
        }
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) != null && results.get(i).outcome() == ProjectionResult.Outcome.REJECTED) {
                deadLetters.send("projection", results.get(i).reason(), sources.get(i));
            }
        }
    }

    /** Results in the batch's order; null where the change failed alone and was dead-lettered. */
    private List<ProjectionResult> applyOneByOne(
            List<ChangeProjector.Incoming> events, List<ConsumerRecord<String, String>> sources) {
        List<ProjectionResult> results = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            try {
                results.add(apply(List.of(events.get(i))).getFirst());
            } catch (RuntimeException e) {
                deadLetters.send("projection", "projection_failed: " + TransientFailures.describe(e), sources.get(i));
                results.add(null);
            }
        }
        return results;
    }

    /**
     * Projects a batch in one transaction (not one per event; per entity the order is the partition's order). A
     * batch that raced another writer of the same entities is rolled back and projected again: the second attempt
     * sees the other writer's commit, so duplicates are dropped and states are merged, not overwritten. While the
     * database is unreachable the batch waits and is tried again (backing off to {@value #MAX_BACKOFF_MS} ms): valid
     * changes must not end in the dead-letter topic because of an outage.
     */
    List<ProjectionResult> apply(List<ChangeProjector.Incoming> events) {
        int races = 0;
        long backoffMs = FIRST_BACKOFF_MS;
        boolean lookUpKnownIds = checksKnownIds();
        while (true) {
            try {
                List<ProjectionResult> results = projector.projectAll(events, lookUpKnownIds);
                if (lookUpKnownIds) {
                    lookupsLeft.getAndUpdate(left -> Math.max(0, left - 1));
                }
                return results;
            } catch (RuntimeException e) {
                if (!lookUpKnownIds && ConcurrentProjectionException.isRedelivery(e)) {
                    LOG.infof(
                            "a batch of %d changes held one stored before (a redelivery); projecting it again "
                                    + "with the stored ids dropped",
                            events.size());
                    redeliveries.increment();
                    lookUpKnownIds = true;
                    lookupsLeft.set(LOOKUP_BATCHES);
                } else if (ConcurrentProjectionException.isRace(e) && ++races < MAX_RACE_ATTEMPTS) {
                    // no exception message: a unique violation's message quotes the row's values
                    LOG.infof(
                            "a batch of %d changes raced another writer of the same entities; projecting it "
                                    + "again (attempt %d of %d)",
                            events.size(), races + 1, MAX_RACE_ATTEMPTS);
                    retries.increment();
                    lookUpKnownIds = true;
                } else if (TransientFailures.isTransient(e)) {
                    LOG.warnf(
                            "database unavailable (%s); retrying a batch of %d changes in %d ms",
                            TransientFailures.describe(e), events.size(), backoffMs);
                    outageRetries.increment();
                    pause(backoffMs, e);
                    backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
                } else {
                    throw e;
                }
            }
        }
    }

    /** True while batches look their event ids up before projecting (see {@link #lookupsLeft}). */
    boolean checksKnownIds() {
        return lookupsLeft.get() > 0;
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
