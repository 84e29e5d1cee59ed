package com.pmsbridge.sync.reconciliation;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.LifecycleType;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.contract.event.SyncRunCompleted;
import com.pmsbridge.sync.projection.EntityState;
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
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "sync_test"))
class ReconciliationIT {
    /** Metrics are served on the management port only. */
    @TestHTTPResource(value = "/metrics", management = true) // under the /q root
    URL metricsUrl;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static TestKafkaWriter writer;
    private static TestKafkaReader domainEvents;

    @Inject
    EntityManager em;

    @BeforeAll
    static void open() {
        writer = new TestKafkaWriter();
        domainEvents = new TestKafkaReader("pms.domain-events.v1");
    }

    @AfterAll
    static void close() {
        writer.close();
        domainEvents.close();
    }

    @Test
    void givenSyncSnapshot_whenCompleted_thenDriftReportedAndVanishedLeaseArchivedThroughTheQueue() throws Exception {
        // given: before the Sync the hub knows a lease the PMS will no longer list, and a lease deleted at v5
        String connection = "rec-" + UUID.randomUUID().toString().substring(0, 8);
        writer.send(lease(connection, "L-GONE", Op.UPDATE, "2026-11-20T08:00:00Z", Instant.now()));
        writer.send(lease(connection, "L-DEL", Op.CREATE, "2026-11-20T08:00:00Z", Instant.now()));
        writer.send(TestChanges.of(
                "acme", connection, EntityType.LEASE, "L-DEL", Op.DELETE, "2026-11-20T10:00:00Z", Map.of()));
        // and another organisation's lease under the same connection id (Kafka trusts its producers): never acme's
        // reconciliation's to judge, let alone delete
        ChangeEvent acmeShape = lease(connection, "L-OTHER-ORG", Op.CREATE, "2026-11-20T08:00:00Z", Instant.now());
        writer.send(new ChangeEvent(
                acmeShape.schemaVersion(),
                acmeShape.eventId(),
                "globex",
                acmeShape.connectionId(),
                acmeShape.pmsType(),
                acmeShape.entityType(),
                acmeShape.externalId(),
                acmeShape.op(),
                acmeShape.sourceVersion(),
                acmeShape.pmsEventId(),
                acmeShape.occurredAt(),
                acmeShape.receivedAt(),
                acmeShape.data()));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(stored(connection)).isEqualTo(4));

        // when: a Sync reads L-1, L-2 and an older copy of L-DEL, then announces itself complete
        Instant started = Instant.now();
        writer.sendAll(List.of(
                lease(connection, "L-1", Op.SNAPSHOT, "2026-11-21T08:00:00Z", Instant.now()),
                lease(connection, "L-2", Op.SNAPSHOT, "2026-11-21T08:00:00Z", Instant.now()),
                lease(connection, "L-DEL", Op.SNAPSHOT, "2026-11-20T09:00:00Z", Instant.now())));
        Instant completed = Instant.now();
        String runId = UUID.randomUUID().toString();
        writer.sendRaw(
                "pms.connector.sync-runs.v1",
                connection,
                ContractJson.mapper()
                        .writeValueAsString(new SyncRunCompleted(
                                1, runId, "acme", connection, List.of("lease"), started, completed, 3)));

        // then: the report counts one record missing in the hub (stale snapshot after the delete) and one missing in
        // the PMS, visible to the organisation only
        String viewer = TestTokens.of("olivia", "acme", "viewer");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> given().auth()
                        .oauth2(viewer)
                        .get("/api/v1/reconciliations?connectionId=" + connection)
                        .then()
                        .statusCode(200)
                        .body("", hasSize(1))
                        .body("[0].status", equalTo("COMPLETED")));
        given().auth()
                .oauth2(viewer)
                .get("/api/v1/reconciliations/" + runId)
                .then()
                .statusCode(200)
                .body("snapshotRecords", equalTo(3))
                .body("missingInHub", equalTo(1))
                .body("missingInPms", equalTo(1))
                .body("fieldDifferences", equalTo(0))
                .body(
                        "details.entityKey",
                        Matchers.containsInAnyOrder(
                                "lease:" + connection + ":L-DEL", "lease:" + connection + ":L-GONE"));
        given().auth()
                .oauth2(TestTokens.of("victor", "globex", "viewer"))
                .get("/api/v1/entities/lease:" + connection + ":L-OTHER-ORG")
                .then()
                .statusCode(200)
                .body("deleted", equalTo(false));
        given().auth()
                .oauth2(TestTokens.of("victor", "globex", "viewer"))
                .get("/api/v1/reconciliations/" + runId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.of("victor", "globex", "viewer"))
                .get("/api/v1/reconciliations?connectionId=" + connection)
                .then()
                .statusCode(200)
                .body("", hasSize(0));

        // and the vanished lease is deleted in the hub, which archives it for the queue, caused by reconciliation
        String gone = "lease:" + connection + ":L-GONE";
        assertThat(state(gone).deleted).isTrue();
        List<LifecycleEvent> archived = await().atMost(TIMEOUT)
                .until(
                        () -> lifecycle(gone),
                        events -> events.stream().anyMatch(e -> e.type() == LifecycleType.LEASE_ARCHIVED));
        assertThat(archived).extracting(LifecycleEvent::type).containsOnlyOnce(LifecycleType.LEASE_ARCHIVED);
        assertThat(source(gone)).contains("reconcile");
        // and the drift is a metric per connection
        given().get(metricsUrl)
                .then()
                .statusCode(200)
                .body(Matchers.containsString("pms_sync_drift_records{connection=\"" + connection
                        + "\",kind=\"missing_in_pms\",org=\"acme\"} 1.0"));
    }

    @Test
    void givenSnapshotMissingMoreThanTheThreshold_whenReconciled_thenNeedsReviewAndNothingDeleted() throws Exception {
        // given: the hub knows 12 leases; the Sync (a partial read, as it looks) lists only one of them
        String connection = "rec-" + UUID.randomUUID().toString().substring(0, 8);
        List<ChangeEvent> known = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            known.add(lease(connection, "L-" + i, Op.UPDATE, "2026-11-20T08:00:00Z", Instant.now()));
        }
        writer.sendAll(known);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(stored(connection)).isEqualTo(12));

        // when
        Instant started = Instant.now();
        writer.send(lease(connection, "L-0", Op.SNAPSHOT, "2026-11-21T08:00:00Z", Instant.now()));
        Instant completed = Instant.now();
        String runId = UUID.randomUUID().toString();
        writer.sendRaw(
                "pms.connector.sync-runs.v1",
                connection,
                ContractJson.mapper()
                        .writeValueAsString(new SyncRunCompleted(
                                1, runId, "acme", connection, List.of("lease"), started, completed, 1)));

        // then: 11 missing is above max(10, 5 % of 1): reported, held for a human, none deleted
        String viewer = TestTokens.of("olivia", "acme", "viewer");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> given().auth()
                        .oauth2(viewer)
                        .get("/api/v1/reconciliations/" + runId)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("NEEDS_REVIEW"))
                        .body("missingInPms", equalTo(11)));
        for (int i = 1; i < 12; i++) {
            assertThat(state("lease:" + connection + ":L-" + i).deleted).isFalse();
        }
        assertThat(source("lease:" + connection + ":L-1")).doesNotContain("reconcile");
    }

    @Test
    void
            givenAConnectionsFirstSyncCompleted_whenALaterSyncFindsANewLease_thenItsItemsAreFoundBySyncAndTheFirstMadeNone()
                    throws Exception {
        String connection = "conn-found-" + UUID.randomUUID();
        // the first Sync's records set the state and make no news
        ChangeEvent first = lease(connection, "L-FIRST", Op.SNAPSHOT, "2026-11-21T08:00:00Z", Instant.now());
        writer.send(first);
        await().atMost(TIMEOUT).until(() -> stored(connection) == 1);
        Instant completed = Instant.now();
        writer.sendRaw(
                "pms.connector.sync-runs.v1",
                connection,
                ContractJson.mapper()
                        .writeValueAsString(new SyncRunCompleted(
                                SyncRunCompleted.SCHEMA_VERSION,
                                UUID.randomUUID().toString(),
                                "acme",
                                connection,
                                List.of("lease"),
                                completed.minusSeconds(5),
                                completed,
                                1)));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.of("olivia", "acme", "viewer"))
                        .queryParam("connectionId", connection)
                        .get("/api/v1/reconciliations")
                        .then()
                        .body("", hasSize(1)));

        // a later Sync finds a lease and a resident no webhook told of
        ChangeEvent found =
                lease(connection, "L-FOUND", Op.SNAPSHOT, "2026-11-22T08:00:00Z", completed.plusSeconds(60));
        ChangeEvent resident = new ChangeEvent(
                ChangeEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                "acme",
                connection,
                "generic",
                EntityType.RESIDENT,
                "R-FOUND",
                Op.SNAPSHOT,
                "2026-11-22T08:00:00Z",
                null,
                Instant.parse("2026-11-22T08:00:00Z"),
                completed.plusSeconds(60),
                Map.of("id", "R-FOUND", "firstName", "Rosa", "unitId", "U-1"));
        writer.send(found);
        writer.send(resident);

        List<LifecycleEvent> news = await().atMost(TIMEOUT)
                .until(() -> domainEvents.valuesWithKey(found.key().value(), LifecycleEvent.class), l -> !l.isEmpty());
        assertThat(news).extracting(LifecycleEvent::type).contains(LifecycleType.LEASE_CREATED);
        assertThat(news).allSatisfy(event -> assertThat(event.foundBySync()).isTrue());
        List<LifecycleEvent> newResident = await().atMost(TIMEOUT)
                .until(
                        () -> domainEvents.valuesWithKey(resident.key().value(), LifecycleEvent.class),
                        l -> !l.isEmpty());
        assertThat(newResident).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(LifecycleType.RESIDENT_CREATED);
            assertThat(event.foundBySync()).isTrue();
        });
        assertThat(domainEvents.valuesWithKey(first.key().value(), LifecycleEvent.class))
                .isEmpty();
    }

    private static ChangeEvent lease(String connection, String id, Op op, String version, Instant receivedAt) {
        return new ChangeEvent(
                ChangeEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                "acme",
                connection,
                "generic",
                EntityType.LEASE,
                id,
                op,
                version,
                null,
                Instant.parse(version),
                receivedAt,
                Map.of("id", id, "status", "CURRENT", "rent", "1000.00", "propertyId", "P-1"));
    }

    private long stored(String connection) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from event_store where connection_id = ?1")
                                .setParameter(1, connection)
                                .getSingleResult())
                        .longValue());
    }

    @SuppressWarnings("unchecked")
    private List<String> source(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select source from event_store where entity_key = ?1 order by entity_seq")
                        .setParameter(1, key)
                        .getResultList());
    }

    private EntityState state(String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityState state = em.find(EntityState.class, key);
            em.detach(state);
            return state;
        });
    }

    private static List<LifecycleEvent> lifecycle(String key) {
        return domainEvents.valuesWithKey(key, LifecycleEvent.class);
    }
}
