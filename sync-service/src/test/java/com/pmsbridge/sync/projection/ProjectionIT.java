package com.pmsbridge.sync.projection;

import com.fasterxml.jackson.core.type.TypeReference;
import com.pmsbridge.contract.CloudEventHeaders;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.DeadLetter;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.LifecycleType;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestChanges;
import com.pmsbridge.testsupport.TestKafkaReader;
import com.pmsbridge.testsupport.TestKafkaWriter;
import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import net.jpountz.lz4.LZ4Factory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "sync_test"))
class ProjectionIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final TypeReference<Map<String, Object>> STATE = new TypeReference<>() {};
    private static TestKafkaWriter writer;
    private static TestKafkaReader domainEvents;
    private static TestKafkaReader dlq;
    private static TestKafkaReader leaseStates;

    @Inject
    EntityManager em;

    @BeforeAll
    static void open() {
        writer = new TestKafkaWriter();
        domainEvents = new TestKafkaReader("pms.domain-events.v1");
        dlq = new TestKafkaReader("pms.dlq.v1");
        leaseStates = new TestKafkaReader("pms.lease.state.v1");
    }

    @AfterAll
    static void close() {
        writer.close();
        domainEvents.close();
        dlq.close();
        leaseStates.close();
    }

    @Test
    void givenNewLease_whenProjected_thenStateStoredAndLeaseCreatedPublished() throws Exception {
        // given
        String leaseId = "L-" + UUID.randomUUID();
        ChangeEvent created = lease(leaseId, Op.CREATE, "2026-11-23T08:00:00Z", "FUTURE", "1450.00");

        // when
        writer.send(created);

        // then
        String key = created.key().value();
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(state(key)).isNotNull());
        assertThat(state(key).data).containsEntry("rent", "1450.00").containsEntry("status", "FUTURE");
        List<LifecycleEvent> events = await().atMost(TIMEOUT).until(() -> lifecycle(key), list -> !list.isEmpty());
        assertThat(events).extracting(LifecycleEvent::type).containsExactly(LifecycleType.LEASE_CREATED);
        assertThat(events.getFirst().org()).isEqualTo("acme");
        assertThat(events.getFirst().causedBy()).containsExactly(created.eventId());
    }

    @Test
    void givenStaleEvent_whenProjected_thenIgnored() {
        // given
        String leaseId = "L-" + UUID.randomUUID();
        ChangeEvent newer = lease(leaseId, Op.UPDATE, "2026-11-23T10:00:00Z", "CURRENT", "1500.00");
        ChangeEvent older = lease(leaseId, Op.UPDATE, "2026-11-23T09:00:00Z", "FUTURE", "1400.00");

        // when
        writer.send(newer);
        writer.send(older);

        // then: both are in the event store, the older one marked as not applied
        String key = newer.key().value();
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(storedEvents(key)).isEqualTo(2));
        assertThat(state(key).data).containsEntry("rent", "1500.00").containsEntry("status", "CURRENT");
        assertThat(appliedFlag(older.eventId())).isFalse();
    }

    @Test
    void givenSameEventTwice_whenProjected_thenStoredOnce() {
        // given
        ChangeEvent event = lease("L-" + UUID.randomUUID(), Op.CREATE, "2026-11-23T08:00:00Z", "FUTURE", "900.00");
        ChangeEvent marker = lease("L-" + UUID.randomUUID(), Op.CREATE, "2026-11-23T08:00:00Z", "FUTURE", "900.00");

        // when
        writer.send(event);
        writer.send(event);
        writer.send(marker);

        // then: once the later marker is projected, the duplicate has been handled too (same partition order is
        // not guaranteed across keys, so wait for both keys and check the count)
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(state(marker.key().value())).isNotNull());
        await().atMost(TIMEOUT)
                .during(Duration.ofMillis(500))
                .untilAsserted(
                        () -> assertThat(storedEvents(event.key().value())).isEqualTo(1));
    }

    @Test
    void givenDeleteThenStaleUpdate_whenProjected_thenStaysDeleted() {
        // given
        String leaseId = "L-" + UUID.randomUUID();
        ChangeEvent created = lease(leaseId, Op.CREATE, "2026-11-23T08:00:00Z", "CURRENT", "1000.00");
        ChangeEvent deleted = TestChanges.of(
                "acme", "conn-it", EntityType.LEASE, leaseId, Op.DELETE, "2026-11-23T12:00:00Z", Map.of());
        ChangeEvent staleUpdate = lease(leaseId, Op.UPDATE, "2026-11-23T11:00:00Z", "CURRENT", "1100.00");

        // when
        writer.send(created);
        writer.send(deleted);
        writer.send(staleUpdate);

        // then
        String key = created.key().value();
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(storedEvents(key)).isEqualTo(3));
        EntityState state = state(key);
        assertThat(state.deleted).isTrue();
        assertThat(state.version).isEqualTo("2026-11-23T12:00:00Z");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(lifecycle(key))
                        .extracting(LifecycleEvent::type)
                        .containsExactly(
                                LifecycleType.LEASE_CREATED, LifecycleType.MOVE_IN, LifecycleType.LEASE_ARCHIVED)
                        .doesNotContain(LifecycleType.LEASE_MODIFIED));
    }

    @Test
    void givenLeaseCreatedThenDeleted_whenProjected_thenStateTopicCarriesItsStateThenATombstone() throws Exception {
        // given
        String leaseId = "L-" + UUID.randomUUID();
        ChangeEvent created = lease(leaseId, Op.CREATE, "2026-11-23T08:00:00Z", "FUTURE", "1450.00");
        ChangeEvent deleted = TestChanges.of(
                "acme", "conn-it", EntityType.LEASE, leaseId, Op.DELETE, "2026-11-23T12:00:00Z", Map.of());
        String key = created.key().value();

        // when
        writer.send(created);
        List<ConsumerRecord<String, String>> first =
                await().atMost(TIMEOUT).until(() -> leaseStates.withKey(key), list -> !list.isEmpty());
        writer.send(deleted);

        // then: the current state under the entity key, then a tombstone that compaction keeps as the last word
        Map<String, Object> value =
                ContractJson.mapper().readValue(first.getFirst().value(), STATE);
        assertThat(value)
                .containsEntry("entityKey", key)
                .containsEntry("org", "acme")
                .containsEntry("connectionId", "conn-it")
                .containsEntry("entityType", "lease")
                .containsEntry("version", "2026-11-23T08:00:00Z");
        assertThat(ContractJson.mapper().convertValue(value.get("data"), STATE))
                .containsEntry("id", leaseId)
                .containsEntry("rent", "1450.00")
                .containsEntry("status", "FUTURE");
        List<ConsumerRecord<String, String>> records =
                await().atMost(TIMEOUT).until(() -> leaseStates.withKey(key), list -> list.size() == 2);
        assertThat(records.getLast().value()).isNull();
        assertThat(new String(records.getLast()
                        .headers()
                        .lastHeader(CloudEventHeaders.TYPE)
                        .value()))
                .isEqualTo("com.pmsbridge.lease.state.v1");
    }

    @Test
    void givenLargeState_whenProjected_thenStateTopicCarriesItIntactThroughTheCompressedOutbox() throws Exception {
        // given: a state far over PostgreSQL's 2 KB compression threshold, part repetitive and part random
        ChangeEvent created = lease("L-" + UUID.randomUUID(), Op.CREATE, "2026-11-23T08:00:00Z", "FUTURE", "1.00");
        StringBuilder terms = new StringBuilder();
        Random random = new Random(11);
        while (terms.length() < 8_000) {
            terms.append("clause ").append(Long.toString(random.nextLong(), 36)).append(" é€ ");
        }
        created.data().put("specialTerms", terms.toString());
        String key = created.key().value();

        // when
        writer.send(created);

        // then
        List<ConsumerRecord<String, String>> records =
                await().atMost(TIMEOUT).until(() -> leaseStates.withKey(key), list -> !list.isEmpty());
        Map<String, Object> value =
                ContractJson.mapper().readValue(records.getFirst().value(), STATE);
        assertThat(ContractJson.mapper().convertValue(value.get("data"), STATE))
                .containsEntry("specialTerms", terms.toString());
        // the outbox's records are stored lz4-compressed (migration V10), not uncompressed or with the slower pglz
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("""
                select attstorage::text || attcompression::text from pg_attribute
                where attrelid = 'outbox_batch'::regclass and attname = 'records'""").getSingleResult()))
                .isEqualTo("xl");
    }

    @Test
    void givenTheServiceStarted_whenTheKafkaClientAsksForTheFastestLz4_thenItIsTheNativeOne() {
        // the Kafka client calls fastestInstance() for every batch; on Quarkus's class loader it is native only
        // because NativeLz4 loaded the library at startup
        assertThat(LZ4Factory.fastestInstance().fastCompressor().getClass().getSimpleName())
                .isEqualTo("LZ4JNICompressor");
    }

    @Test
    void givenInvalidRecordBetweenValidOnes_whenConsumed_thenDeadLetteredAndOthersProjected() throws Exception {
        // given
        ChangeEvent before = lease("L-" + UUID.randomUUID(), Op.CREATE, "2026-11-23T08:00:00Z", "FUTURE", "1.00");
        ChangeEvent after = lease("L-" + UUID.randomUUID(), Op.CREATE, "2026-11-23T08:00:00Z", "FUTURE", "2.00");
        String badKey = "lease:conn-it:bad-" + UUID.randomUUID();

        // when
        writer.send(before);
        writer.sendRaw("pms.lease.changes.v1", badKey, "{\"eventId\":\"x\",\"op\":\"z\"}");
        writer.send(after);

        // then
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(state(before.key().value())).isNotNull();
            assertThat(state(after.key().value())).isNotNull();
        });
        List<ConsumerRecord<String, String>> letters =
                await().atMost(TIMEOUT).until(() -> dlq.withKey(badKey), list -> !list.isEmpty());
        DeadLetter letter = ContractJson.mapper().readValue(letters.getFirst().value(), DeadLetter.class);
        assertThat(letter.reason()).contains("op");
        assertThat(letter.sourceTopic()).isEqualTo("pms.lease.changes.v1");
        assertThat(letter.rawPayload()).contains("\"op\":\"z\"");
    }

    @Test
    void givenEntityOfOneOrganisation_whenAChangeNamesAnother_thenDeadLetteredAloneAndTheStateKept() throws Exception {
        // given: acme's lease is stored
        String leaseId = "L-" + UUID.randomUUID();
        ChangeEvent acme = lease(leaseId, Op.CREATE, "2026-11-23T08:00:00Z", "FUTURE", "1450.00");
        writer.send(acme);
        await().atMost(TIMEOUT).until(() -> state(acme.key().value()) != null);
        ChangeEvent intruder = withOrg(lease(leaseId, Op.UPDATE, "2026-11-24T08:00:00Z", "CURRENT", "1.00"), "globex");
        ChangeEvent neighbour = lease("L-" + UUID.randomUUID(), Op.CREATE, "2026-11-24T08:00:00Z", "FUTURE", "9.00");

        // when: a change with the same key but another organisation arrives next to a valid one
        writer.send(intruder);
        writer.send(neighbour);

        // then
        List<ConsumerRecord<String, String>> letters =
                await().atMost(TIMEOUT).until(() -> dlq.withKey(acme.key().value()), list -> !list.isEmpty());
        DeadLetter letter = ContractJson.mapper().readValue(letters.getFirst().value(), DeadLetter.class);
        assertThat(letter.reason()).startsWith("organisation_mismatch");
        assertThat(letter.rawPayload()).contains(intruder.eventId());
        await().atMost(TIMEOUT).until(() -> state(neighbour.key().value()) != null);
        EntityState kept = state(acme.key().value());
        assertThat(kept.org).isEqualTo("acme");
        assertThat(kept.data).containsEntry("rent", "1450.00").containsEntry("status", "FUTURE");
        assertThat(storedEvents(acme.key().value())).isEqualTo(1);
    }

    @Test
    void givenARecordTheDatabaseRefusesAmongValidOnes_whenConsumed_thenOnlyItIsDeadLetteredAndTheOthersProjected()
            throws Exception {
        // given: the database refuses the state of one entity (a stand-in for any permanent failure of one record)
        createRefusingTrigger();
        ChangeEvent before = lease("L-" + UUID.randomUUID(), Op.CREATE, "2026-11-23T08:00:00Z", "FUTURE", "1.00");
        ChangeEvent poison = lease("poison-" + UUID.randomUUID(), Op.CREATE, "2026-11-23T08:00:00Z", "FUTURE", "2.00");
        ChangeEvent after = lease("L-" + UUID.randomUUID(), Op.CREATE, "2026-11-23T08:00:00Z", "FUTURE", "3.00");
        try {
            // when
            writer.send(before);
            writer.send(poison);
            writer.send(after);

            // then
            List<ConsumerRecord<String, String>> letters =
                    await().atMost(TIMEOUT).until(() -> dlq.withKey(poison.key().value()), list -> !list.isEmpty());
            DeadLetter letter =
                    ContractJson.mapper().readValue(letters.getFirst().value(), DeadLetter.class);
            assertThat(letter.reason()).startsWith("projection_failed").doesNotContain("refused for the test");
            assertThat(letter.rawPayload()).contains(poison.eventId());
            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(state(before.key().value())).isNotNull();
                assertThat(state(after.key().value())).isNotNull();
            });
            assertThat(dlq.withKey(before.key().value())).isEmpty();
            assertThat(dlq.withKey(after.key().value())).isEmpty();
            assertThat(state(poison.key().value())).isNull();
        } finally {
            dropRefusingTrigger();
        }
    }

    @Test
    void givenADeadLetterWhoseCauseIsFixed_whenAPlatformAdminReplaysIt_thenItIsProjected() throws Exception {
        // given: a change the database refused, dead-lettered; then the cause goes away
        Instant start = Instant.now().minusSeconds(1);
        createRefusingTrigger();
        ChangeEvent refused = lease("poison-" + UUID.randomUUID(), Op.CREATE, "2026-11-23T08:00:00Z", "FUTURE", "7.00");
        try {
            writer.send(refused);
            await().atMost(TIMEOUT).until(() -> dlq.withKey(refused.key().value()), list -> !list.isEmpty());
        } finally {
            dropRefusingTrigger();
        }
        String platformAdmin = TestTokens.of("pat", "pms-bridge", "platform-admin");

        // when: a dry run first, then the replay
        RestAssured.given()
                .auth()
                .oauth2(platformAdmin)
                .contentType("application/json")
                .body(Map.of("from", start.toString(), "reasonPrefix", "projection_failed", "dryRun", true))
                .post("/api/v1/entities/_dead-letters/replay")
                .then()
                .statusCode(200)
                .body("matched", Matchers.greaterThanOrEqualTo(1))
                .body("replayed", Matchers.equalTo(0));
        assertThat(state(refused.key().value())).isNull();
        RestAssured.given()
                .auth()
                .oauth2(platformAdmin)
                .contentType("application/json")
                .body(Map.of("from", start.toString(), "reasonPrefix", "projection_failed"))
                .post("/api/v1/entities/_dead-letters/replay")
                .then()
                .statusCode(200)
                .body("replayed", Matchers.greaterThanOrEqualTo(1));

        // then
        await().atMost(TIMEOUT).until(() -> state(refused.key().value()) != null);
        assertThat(state(refused.key().value()).data).containsEntry("rent", "7.00");
        RestAssured.given()
                .auth()
                .oauth2(TestTokens.of("adam", "acme", "admin"))
                .contentType("application/json")
                .body(Map.of("from", start.toString()))
                .post("/api/v1/entities/_dead-letters/replay")
                .then()
                .statusCode(403);
    }

    private void createRefusingTrigger() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            create or replace function refuse_poison_for_test() returns trigger language plpgsql as $$
                            begin
                              if new.external_id like 'poison-%' then raise exception 'refused for the test'; end if;
                              return new;
                            end $$""").executeUpdate();
            em.createNativeQuery("drop trigger if exists refuse_poison_for_test on entity_state")
                    .executeUpdate();
            em.createNativeQuery("create trigger refuse_poison_for_test before insert or update on entity_state"
                            + " for each row execute function refuse_poison_for_test()")
                    .executeUpdate();
        });
    }

    private void dropRefusingTrigger() {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("drop trigger if exists refuse_poison_for_test on entity_state")
                        .executeUpdate());
    }

    private static ChangeEvent withOrg(ChangeEvent event, String org) {
        return new ChangeEvent(
                event.schemaVersion(),
                event.eventId(),
                org,
                event.connectionId(),
                event.pmsType(),
                event.entityType(),
                event.externalId(),
                event.op(),
                event.sourceVersion(),
                event.pmsEventId(),
                event.occurredAt(),
                event.receivedAt(),
                event.data());
    }

    private static ChangeEvent lease(String leaseId, Op op, String version, String status, String rent) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", leaseId);
        data.put("propertyId", "P-1");
        data.put("unitId", "U-1");
        data.put("status", status);
        data.put("rent", rent);
        return TestChanges.of("acme", "conn-it", EntityType.LEASE, leaseId, op, version, data);
    }

    private EntityState state(String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityState state = em.find(EntityState.class, key);
            if (state != null) {
                em.detach(state);
            }
            return state;
        });
    }

    private long storedEvents(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from event_store where entity_key = ?1")
                                .setParameter(1, key)
                                .getSingleResult())
                        .longValue());
    }

    private boolean appliedFlag(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (Boolean) em.createNativeQuery("select applied from event_store where event_id = ?1")
                        .setParameter(1, eventId)
                        .getSingleResult());
    }

    private static List<LifecycleEvent> lifecycle(String key) {
        return domainEvents.valuesWithKey(key, LifecycleEvent.class);
    }
}
