package com.pmsbridge.sync.rebuild;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.sync.projection.EntityState;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestChanges;
import com.pmsbridge.testsupport.TestKafkaWriter;
import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "sync_test"))
class RebuildIT {
    @Inject
    EntityManager em;

    @Inject
    Rebuild rebuild;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    @Test
    void givenProjectedHistory_whenRebuilt_thenStateEqualsTheLiveState() {
        // given: 30 leases with shuffled updates, duplicates and deletes, projected live
        String connection = "rb-" + UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(7);
        List<ChangeEvent> events = new ArrayList<>();
        for (int lease = 0; lease < 30; lease++) {
            for (int change = 0; change < 4; change++) {
                events.add(event(
                        connection,
                        "L-" + lease,
                        random.nextInt(6) == 0 ? Op.DELETE : Op.UPDATE,
                        1 + random.nextInt(9),
                        random));
            }
        }
        Collections.shuffle(events, random);
        try (TestKafkaWriter writer = new TestKafkaWriter()) {
            events.forEach(writer::send);
            events.subList(0, 10).forEach(writer::send);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> storedEvents(connection) == events.size());
        Map<String, String> live = states(connection);

        // when
        rebuildAndAwait();

        // then
        assertThat(states(connection)).isEqualTo(live).hasSize(30);
        // the swapped-in table keeps the room for in-place updates that migration V9 gave the old one
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery(
                                        "select array_to_string(reloptions, ',') from pg_class where relname = 'entity_state'")
                                .getSingleResult()))
                .isEqualTo("fillfactor=70");
        // and the live projection goes on on the swapped-in table (its cached states were the old table's rows)
        ChangeEvent later = event(connection, "L-0", Op.UPDATE, 59, random);
        later.data().put("rent", "9999.00");
        try (TestKafkaWriter writer = new TestKafkaWriter()) {
            writer.send(later);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            EntityState state = QuarkusTransaction.requiringNew()
                    .call(() -> em.find(EntityState.class, later.key().value()));
            assertThat(state.deleted).isFalse();
            assertThat(state.version).isEqualTo("2026-11-23T08:59:00Z");
            assertThat(state.data)
                    .containsEntry("rent", "9999.00")
                    .containsEntry("status", later.data().get("status"));
        });
        // a rebuild spans every organisation: an organisation's own admin may not start one
        given().auth()
                .oauth2(TestTokens.of("olivia", "acme", "operator"))
                .post("/api/v1/entities/_rebuilds")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.of("adam", "acme", "admin"))
                .post("/api/v1/entities/_rebuilds")
                .then()
                .statusCode(403);
    }

    /**
     * Property: for a random history of PMS changes, hub edits (shared and hub-owned fields, so echoes, conflicts and
     * pending write-backs) and deletes, the rebuilt state equals the live one, field versions and pending flags too.
     */
    @Test
    void givenRandomHistoriesWithHubEditsConflictsAndDeletes_whenRebuilt_thenEveryStateAndFieldVersionIsTheLiveOne() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String connection = "rbp-" + UUID.randomUUID().toString().substring(0, 8);
        String operator = TestTokens.of("olivia", "acme", "operator");
        List<String> statuses = List.of("NEW", "IN_PROGRESS", "COMPLETED");
        int stored = 0;
        try (TestKafkaWriter writer = new TestKafkaWriter()) {
            for (int order = 0; order < 12; order++) {
                String id = "W-" + order;
                String key = "workorder:" + connection + ":" + id;
                int minute = 0;
                writer.send(workOrder(connection, id, Op.UPDATE, minute, statuses.get(random.nextInt(3))));
                stored++;
                int expected = stored;
                await().atMost(Duration.ofSeconds(60)).until(() -> storedEvents(connection) == expected);
                for (int step = 0; step < 6; step++) {
                    switch (random.nextInt(5)) {
                        case 0, 1 -> {
                            minute += 1 + random.nextInt(3);
                            writer.send(workOrder(connection, id, Op.UPDATE, minute, statuses.get(random.nextInt(3))));
                            stored++;
                        }
                        case 2, 3 -> {
                            Map<String, Object> edit = random.nextBoolean()
                                    ? Map.of("status", statuses.get(random.nextInt(3)))
                                    : Map.of("notes", "note " + random.nextInt(100));
                            int answer = given().auth()
                                    .oauth2(operator)
                                    .contentType("application/json")
                                    .body(Map.of("fields", edit))
                                    .patch("/api/v1/entities/" + key)
                                    .statusCode();
                            stored += answer == 200 ? 1 : 0; // a deleted record refuses edits (404)
                        }
                        default -> {
                            minute += 1 + random.nextInt(3);
                            writer.send(workOrder(connection, id, Op.DELETE, minute, null));
                            stored++;
                        }
                    }
                    int now = stored;
                    await().atMost(Duration.ofSeconds(60)).until(() -> storedEvents(connection) == now);
                }
            }
        }
        Map<String, String> live = statesWithFieldVersions(connection);

        rebuildAndAwait();

        assertThat(statesWithFieldVersions(connection))
                .as("seed %d", seed)
                .isEqualTo(live)
                .hasSize(12);
    }

    @Test
    void givenARebuildRunningOnAnotherReplica_whenOneIsRequestedHere_then409AndItsProgressIsReadableHere() {
        String platformAdmin = TestTokens.of("pat", "pms-bridge", "platform-admin");
        UUID elsewhere = UUID.randomUUID();
        insertRun(elsewhere, "now()");
        try {
            given().auth()
                    .oauth2(platformAdmin)
                    .post("/api/v1/entities/_rebuilds")
                    .then()
                    .statusCode(409)
                    .body("detail", Matchers.containsString(elsewhere.toString()));
            given().auth()
                    .oauth2(platformAdmin)
                    .get("/api/v1/entities/_rebuilds/" + elsewhere)
                    .then()
                    .statusCode(200)
                    .body("status", Matchers.equalTo("RUNNING"))
                    .body("events", Matchers.equalTo(42));
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("delete from rebuild_run where id = ?1")
                            .setParameter(1, elsewhere)
                            .executeUpdate());
        }
    }

    @Test
    void givenARunningRebuildWhoseReplicaDied_whenOneIsRequested_thenItIsEndedAsFailedAndTheNewOneRuns() {
        String platformAdmin = TestTokens.of("pat", "pms-bridge", "platform-admin");
        UUID abandoned = UUID.randomUUID();
        insertRun(abandoned, "now() - interval '10 minutes'");

        String id = given().auth()
                .oauth2(platformAdmin)
                .post("/api/v1/entities/_rebuilds")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        given().auth()
                .oauth2(platformAdmin)
                .get("/api/v1/entities/_rebuilds/" + abandoned)
                .then()
                .statusCode(200)
                .body("status", Matchers.equalTo("FAILED"))
                .body("error", Matchers.startsWith("abandoned"));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(platformAdmin)
                        .get("/api/v1/entities/_rebuilds/" + id)
                        .then()
                        .body("status", Matchers.equalTo("COMPLETED")));
    }

    private void insertRun(UUID id, String heartbeat) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("insert into rebuild_run (id, status, events, started_at, heartbeat_at)"
                                + " values (?1, 'RUNNING', 42, now(), " + heartbeat + ")")
                        .setParameter(1, id)
                        .executeUpdate());
    }

    @Test
    void givenChangesProjectedAfterTheFirstPass_whenCaughtUpAndSwapped_thenTheRebuiltStateHasThem() {
        // given: five leases projected, then the rebuild's first pass over the store
        String connection = "rc-" + UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(3);
        try (TestKafkaWriter writer = new TestKafkaWriter()) {
            for (int lease = 0; lease < 5; lease++) {
                writer.send(event(connection, "L-" + lease, Op.UPDATE, 1, random));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> storedEvents(connection) == 5);
        RebuildRun run = new RebuildRun();
        rebuild.prepare(run);
        rebuild.replayAll(run);
        // and, while the first pass's result waits, a changed lease and a new one projected live
        ChangeEvent changed = event(connection, "L-0", Op.UPDATE, 30, random);
        changed.data().put("rent", "7777.00");
        try (TestKafkaWriter writer = new TestKafkaWriter()) {
            writer.send(changed);
            writer.send(event(connection, "L-9", Op.UPDATE, 31, random));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> storedEvents(connection) == 7);
        Map<String, String> live = states(connection);

        // when
        rebuild.catchUpAndSwap(run);

        // then
        assertThat(states(connection)).isEqualTo(live).hasSize(6);
        assertThat(live.get(changed.key().value())).contains("7777.00");
    }

    @Test
    void givenABatchThatHasReadItsStates_whenTheRebuildSwaps_thenBothFinish() throws Exception {
        // given: a projected lease and the rebuild's first pass
        String connection = "rd-" + UUID.randomUUID().toString().substring(0, 8);
        ChangeEvent lease = event(connection, "L-0", Op.UPDATE, 1, new Random(5));
        try (TestKafkaWriter writer = new TestKafkaWriter()) {
            writer.send(lease);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> storedEvents(connection) == 1);
        RebuildRun run = new RebuildRun();
        rebuild.prepare(run);
        rebuild.replayAll(run);
        try (Connection batch = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            // and a batch of another instance that has read its states and will write them next, as the projection does
            batch.setAutoCommit(false);
            try (PreparedStatement read =
                    batch.prepareStatement("select last_seq from entity_state where entity_key = ?")) {
                read.setString(1, lease.key().value());
                read.executeQuery().close();
            }

            // when: the rebuild swaps while that batch is open, and the batch writes once the rebuild waits for it
            CompletableFuture<Void> swap = CompletableFuture.runAsync(() -> rebuild.catchUpAndSwap(run));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForStates() > 0);
            try (PreparedStatement write =
                    batch.prepareStatement("update entity_state set updated_at = now() where entity_key = ?")) {
                write.setString(1, lease.key().value());
                assertThat(write.executeUpdate()).isEqualTo(1);
            }
            batch.commit();

            // then: neither is chosen as a deadlock's victim
            swap.get(60, TimeUnit.SECONDS);
        }
        assertThat(states(connection)).hasSize(1);
    }

    private long waitingForStates() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from pg_locks where not granted and relation = 'entity_state'::regclass")
                                .getSingleResult())
                        .longValue());
    }

    /** Starts a rebuild as the platform admin and waits until it completed. */
    private static void rebuildAndAwait() {
        String platformAdmin = TestTokens.of("pat", "pms-bridge", "platform-admin");
        String id = given().auth()
                .oauth2(platformAdmin)
                .post("/api/v1/entities/_rebuilds")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(platformAdmin)
                        .get("/api/v1/entities/_rebuilds/" + id)
                        .then()
                        .body("status", equalTo("COMPLETED")));
    }

    private long storedEvents(String connection) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from event_store where connection_id = ?1")
                                .setParameter(1, connection)
                                .getSingleResult())
                        .longValue());
    }

    /** Per entity: deleted, version and (for live entities) the data, as text. */
    @SuppressWarnings("unchecked")
    private Map<String, String> states(String connection) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> states = new LinkedHashMap<>();
            for (Object[] row : (List<Object[]>)
                    em.createNativeQuery("""
                            select entity_key, deleted, version, case when deleted then '' else cast(data as text) end
                            from entity_state where connection_id = ?1 order by entity_key""").setParameter(1, connection).getResultList()) {
                states.put((String) row[0], row[1] + "|" + row[2] + "|" + row[3]);
            }
            return states;
        });
    }

    /** Per entity: deleted, version, data and field versions (source, version, pending), as text. */
    @SuppressWarnings("unchecked")
    private Map<String, String> statesWithFieldVersions(String connection) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> states = new LinkedHashMap<>();
            for (Object[] row : (List<Object[]>)
                    em.createNativeQuery("""
                            select entity_key, deleted, version, cast(data as text), cast(field_versions as text)
                            from entity_state where connection_id = ?1 order by entity_key""").setParameter(1, connection).getResultList()) {
                states.put((String) row[0], row[1] + "|" + row[2] + "|" + row[3] + "|" + row[4]);
            }
            return states;
        });
    }

    private static ChangeEvent workOrder(String connection, String id, Op op, int minute, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (op != Op.DELETE) {
            data.put("id", id);
            data.put("title", "Leaking faucet");
            data.put("status", status);
        }
        String version = "2026-11-23T09:%02d:00Z".formatted(minute);
        return TestChanges.of("acme", connection, EntityType.WORKORDER, id, op, version, data);
    }

    private static ChangeEvent event(String connection, String leaseId, Op op, int minute, Random random) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (op != Op.DELETE) {
            data.put("id", leaseId);
            data.put("status", random.nextBoolean() ? "CURRENT" : "FUTURE");
            if (random.nextBoolean()) {
                data.put("rent", (1000 + random.nextInt(5) * 100) + ".00");
            }
        }
        String version = "2026-11-23T08:%02d:00Z".formatted(minute);
        return TestChanges.of("acme", connection, EntityType.LEASE, leaseId, op, version, data);
    }
}
