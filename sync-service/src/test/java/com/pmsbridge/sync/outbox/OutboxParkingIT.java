package com.pmsbridge.sync.outbox;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestKafkaReader;
import com.pmsbridge.testsupport.TestKafkaWriter;
import com.pmsbridge.testsupport.TestOidcResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A record the broker refuses for good is parked with its reason; the records around it are published. */
@QuarkusTest
@TestProfile(OutboxParkingIT.SmallRequests.class)
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "sync_test"))
class OutboxParkingIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The broker takes requests of 30 KB at most here, so a 40 KB state is refused as too large. */
    public static class SmallRequests implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.max.request.size", "30000");
        }
    }

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    @Test
    void givenAStateTheBrokerRefusesAsTooLarge_whenPublished_thenParkedWithItsReasonAndTheNextStatePublished() {
        ChangeEvent large = lease("L-large-" + UUID.randomUUID(), "x".repeat(40_000));
        ChangeEvent small = lease("L-small-" + UUID.randomUUID(), "short");
        double parkedBefore = metrics.counter("pms_sync_outbox_parked_total").count();

        try (TestKafkaWriter writer = new TestKafkaWriter();
                TestKafkaReader states = new TestKafkaReader("pms.lease.state.v1")) {
            writer.send(large);
            writer.send(small);

            await().atMost(TIMEOUT)
                    .until(() -> !states.withKey(small.key().value()).isEmpty());
            await().atMost(TIMEOUT)
                    .until(() -> metrics.counter("pms_sync_outbox_parked_total").count() > parkedBefore);
            assertThat(states.withKey(large.key().value())).isEmpty();
            assertThat(parkedReasons(large.key().value())).contains("RecordTooLargeException");
            await().atMost(TIMEOUT).until(() -> pendingOutboxRows() == 0);
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> parkedReasons(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select reason from outbox_parked where convert_from(record_key, 'UTF8') = ?1")
                        .setParameter(1, key)
                        .getResultList());
    }

    private long pendingOutboxRows() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from outbox_batch")
                                .getSingleResult())
                        .longValue());
    }

    private static ChangeEvent lease(String leaseId, String terms) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", leaseId);
        data.put("status", "FUTURE");
        data.put("specialTerms", terms);
        Instant version = Instant.parse("2026-11-23T08:00:00Z");
        return new ChangeEvent(
                ChangeEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                "acme",
                "conn-park",
                "generic",
                EntityType.LEASE,
                leaseId,
                Op.CREATE,
                version.toString(),
                null,
                version,
                Instant.now(),
                data);
    }
}
