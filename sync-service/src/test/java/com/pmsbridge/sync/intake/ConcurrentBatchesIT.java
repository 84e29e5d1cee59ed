package com.pmsbridge.sync.intake;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.sync.projection.ChangeProjector;
import com.pmsbridge.sync.projection.EntityState;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestChanges;
import com.pmsbridge.testsupport.TestOidcResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two writers of the same entity at once: what a rebalance causes when a partition moves while its old owner still
 * projects a batch. Nothing may be overwritten or stored twice.
 */
@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "sync_test"))
class ConcurrentBatchesIT {
    @Inject
    ChangeEventConsumer consumer;

    @Inject
    ChangeProjector projector;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    @Test
    void givenAnotherWriterCreatesTheSameLease_whenBatchesRace_thenTheBatchIsProjectedAgainAndBothChangesApply()
            throws Exception {
        // given: another writer has created the lease and not committed yet
        String leaseId = "L-" + UUID.randomUUID();
        ChangeEvent fromOtherWriter = lease(leaseId, "2026-11-23T08:00:00Z", "1450.00", "FUTURE");
        ChangeEvent fromThisBatch = lease(leaseId, "2026-11-23T09:00:00Z", "1500.00", null);
        double retriesBefore = retries("race");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            QuarkusTransaction.begin();
            projector.projectAll(List.of(new ChangeProjector.Incoming(fromOtherWriter, null)));

            // when: this batch creates the same lease, waits for the other writer's row, which then commits
            Future<?> racing = executor.submit(() -> apply(fromThisBatch));
            await().atMost(Duration.ofSeconds(30)).until(this::someoneWaitsForALock);
            QuarkusTransaction.commit();
            racing.get(60, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }

        // then: the batch was rolled back once and projected on top of the other writer's state
        String key = fromThisBatch.key().value();
        EntityState state = state(key);
        assertThat(state.data).containsEntry("rent", "1500.00").containsEntry("status", "FUTURE");
        assertThat(state.lastSeq).isEqualTo(2);
        assertThat(storedSequences(key)).containsExactly(1, 2);
        assertThat(retries("race")).isEqualTo(retriesBefore + 1);
    }

    @Test
    void givenAnotherInstanceChangedACachedState_whenTheNextBatchIsProjected_thenItBuildsOnThatChange() {
        // given: this instance projected the lease (so it holds the state in its cache), then another instance
        // (after a rebalance) changed the row behind its back
        ChangeEvent first = projectedLease();
        String key = first.key().value();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        update entity_state set data = cast(cast(data as jsonb) || '{"status": "CURRENT"}' as json),
                            last_seq = 2 where entity_key = ?1""").setParameter(1, key).executeUpdate());
        double retriesBefore = retries("race");

        // when
        apply(lease(first.externalId(), "2026-11-23T09:00:00Z", "1500.00", null));

        // then: the cached state failed its row-version check; the batch was projected again on the table's state
        EntityState state = state(key);
        assertThat(state.data).containsEntry("rent", "1500.00").containsEntry("status", "CURRENT");
        assertThat(state.lastSeq).isEqualTo(3);
        assertThat(retries("race")).isEqualTo(retriesBefore + 1);
    }

    @Test
    void givenBatchesNoLongerLookIdsUp_whenAStoredChangeIsRedelivered_thenTheBatchIsProjectedAgainWithoutIt() {
        // the live consumer projects what earlier test classes left on the topics: wait until it is done, so its
        // batches neither reset the id lookups nor move the counters this test reads
        awaitLiveConsumerIdle();
        // given: a lease change stored, and enough batches since the start that ids are no longer looked up first
        ChangeEvent stored = projectedLease();
        for (int i = 0; i < ChangeEventConsumer.LOOKUP_BATCHES && consumer.checksKnownIds(); i++) {
            apply(lease("L-" + UUID.randomUUID(), "2026-11-23T08:00:00Z", "1000.00", "FUTURE"));
        }
        assertThat(consumer.checksKnownIds()).isFalse();
        double redeliveriesBefore = retries("redelivery");
        double appliedBefore = applied();

        // when: it comes again in a batch with a new change of the same lease
        ChangeEvent next = lease(stored.externalId(), "2026-11-23T09:00:00Z", "1500.00", null);
        apply(stored, next);

        // then: the first attempt failed on the stored id, the second dropped the copy and applied the new change
        String key = stored.key().value();
        EntityState state = state(key);
        assertThat(state.data).containsEntry("rent", "1500.00").containsEntry("status", "FUTURE");
        assertThat(storedSequences(key)).containsExactly(1, 2);
        assertThat(retries("redelivery")).isEqualTo(redeliveriesBefore + 1);
        assertThat(applied()).isEqualTo(appliedBefore + 1); // the rolled-back attempt counted nothing
        assertThat(consumer.checksKnownIds()).isTrue(); // the next batches look up: redeliveries come in runs
    }

    /** One batch through the consumer, as a poll would hand it over. */
    /** A new lease this instance projected (so its state is in the cache): the lease's first change. */
    private ChangeEvent projectedLease() {
        ChangeEvent first = lease("L-" + UUID.randomUUID(), "2026-11-23T08:00:00Z", "1450.00", "FUTURE");
        apply(first);
        return first;
    }

    private void apply(ChangeEvent... events) {
        consumer.apply(Arrays.stream(events)
                .map(event -> new ChangeProjector.Incoming(event, null))
                .toList());
    }

    private EntityState state(String key) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(EntityState.class, key));
    }

    private double retries(String cause) {
        return metrics.counter("pms_sync_batch_retries_total", "cause", cause).count();
    }

    private void awaitLiveConsumerIdle() {
        double[] last = {-1};
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    double now = metrics.find("pms_sync_events_total").counters().stream()
                            .mapToDouble(counter -> counter.count())
                            .sum();
                    boolean idle = now == last[0];
                    last[0] = now;
                    return idle;
                });
    }

    private double applied() {
        return metrics.find("pms_sync_events_total").tags("entity", "lease", "outcome", "applied").counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    private boolean someoneWaitsForALock() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")
                                        .getSingleResult())
                                .intValue()
                        > 0);
    }

    @SuppressWarnings("unchecked")
    private List<Integer> storedSequences(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select entity_seq from event_store where entity_key = ?1 order by entity_seq")
                        .setParameter(1, key)
                        .getResultList());
    }

    private static ChangeEvent lease(String leaseId, String version, String rent, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", leaseId);
        data.put("rent", rent);
        if (status != null) {
            data.put("status", status);
        }
        return TestChanges.of("acme", "conn-race", EntityType.LEASE, leaseId, Op.UPDATE, version, data);
    }
}
