package com.pmsbridge.connector.adapter.buildium;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.connector.connection.ConnectionHealth;
import com.pmsbridge.connector.connection.ConnectionStatus;
import com.pmsbridge.connector.polling.Poller;
import com.pmsbridge.connector.syncrun.SyncRun;
import com.pmsbridge.connector.syncrun.SyncRunner;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.DeadLetter;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.contract.event.SyncRunCompleted;
import com.pmsbridge.contract.event.WritebackCommand;
import com.pmsbridge.contract.event.WritebackResult;
import com.pmsbridge.simulator.PmsSimulator;
import com.pmsbridge.simulator.SimulatorConfig;
import com.pmsbridge.simulator.buildium.BuildiumWebhookSender;
import com.pmsbridge.simulator.portfolio.Kind;
import com.pmsbridge.simulator.portfolio.Portfolio;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestKafkaReader;
import com.pmsbridge.testsupport.TestKafkaWriter;
import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "connector_test"))
class BuildiumIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static PmsSimulator simulator;
    private static TestKafkaReader leases;
    private static TestKafkaReader workOrders;
    private static TestKafkaReader dlq;
    private static TestKafkaReader results;
    private static TestKafkaReader syncRuns;

    @Inject
    Poller poller;

    @Inject
    SyncRunner syncRunner;

    @Inject
    ConnectionHealth health;

    private String connectionId;

    @BeforeAll
    static void startSimulator() {
        simulator = PmsSimulator.start(
                SimulatorConfig.defaults().withPortfolio(4, 6).withRequestsPerSecond(50));
        leases = new TestKafkaReader(Topics.changes(EntityType.LEASE));
        workOrders = new TestKafkaReader(Topics.changes(EntityType.WORKORDER));
        dlq = new TestKafkaReader(Topics.DLQ);
        results = new TestKafkaReader(Topics.WRITEBACK_RESULTS);
        syncRuns = new TestKafkaReader(Topics.SYNC_RUNS);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
        leases.close();
        workOrders.close();
        dlq.close();
        results.close();
        syncRuns.close();
    }

    @BeforeEach
    void createConnection() {
        connectionId = "bld-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("id", connectionId);
        body.put("pmsType", "buildium");
        body.put("apiBaseUrl", simulator.baseUrl());
        body.put("mode", "BOTH");
        given().auth()
                .oauth2(TestTokens.of("adam", "acme", "admin"))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/connections")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(TestTokens.of("adam", "acme", "admin"))
                .contentType("application/json")
                .body(Map.of("credential", "sim-client:sim-secret", "webhookSecret", "sim-webhook-secret"))
                .put("/api/v1/connections/" + connectionId + "/credentials")
                .then()
                .statusCode(200);
    }

    @Test
    void givenSignedThinWebhook_whenPosted_thenAcceptedAndFullLeaseEmitted() throws Exception {
        // given
        Portfolio.Record lease =
                simulator.portfolio().pick(Kind.LEASE, l -> true).orElseThrow();
        String body = "{\"EventName\":\"Lease.Updated\",\"EventDateTime\":\"" + Instant.now()
                + "\",\"AccountId\":123456,\"LeaseId\":" + lease.id() + "}";

        // when
        postSigned(body, "sim-webhook-secret", now()).then().statusCode(202);

        // then
        ChangeEvent event = awaitLatest(leases, key("lease", lease.id()));
        assertThat(event.op()).isEqualTo(Op.UPDATE);
        assertThat(event.data())
                .containsEntry("rent", decimal(lease.body(), "AccountDetails", "Rent"))
                .containsEntry("unitId", lease.body().get("UnitId").toString());
        assertThat(event.pmsType()).isEqualTo("buildium");
    }

    @Test
    void givenSignatureMatrix_whenPosted_thenOnlyTheAuthenticOneIsAccepted() {
        String body = "{\"EventName\":\"Rental.Updated\",\"EventDateTime\":\"" + Instant.now()
                + "\",\"AccountId\":1,\"PropertyId\":1}";
        String timestamp = now();
        // wrong secret
        postSigned(body, "wrong-secret", timestamp).then().statusCode(401);
        // altered body
        given().contentType("application/json")
                .header("buildium-webhook-timestamp", timestamp)
                .header("buildium-webhook-signature", BuildiumWebhookSender.sign("sim-webhook-secret", timestamp, body))
                .body(body.replace("\"PropertyId\":1", "\"PropertyId\":2"))
                .post(path())
                .then()
                .statusCode(401);
        // stale timestamp
        postSigned(
                        body,
                        "sim-webhook-secret",
                        Long.toString(Instant.now().minusSeconds(3600).getEpochSecond()))
                .then()
                .statusCode(401);
        // valid
        postSigned(body, "sim-webhook-secret", timestamp).then().statusCode(202);
    }

    @Test
    void givenDuplicateAndOutOfOrderDeliveries_whenPosted_thenEachEntityOnceWithItsCurrentState() throws Exception {
        // given: two changes of one lease, announced in reverse order, the later one delivered twice
        Portfolio.Record lease =
                simulator.portfolio().pick(Kind.LEASE, l -> true).orElseThrow();
        String first =
                "{\"EventName\":\"Lease.Updated\",\"EventDateTime\":\"2026-11-23T08:00:00.1Z\",\"AccountId\":1,\"LeaseId\":"
                        + lease.id() + "}";
        simulator
                .portfolio()
                .update(Kind.LEASE, lease.id(), Instant.now(), l -> l.put("RenewalOfferStatus", "Renewed"));
        String second =
                "{\"EventName\":\"Lease.Updated\",\"EventDateTime\":\"2026-11-23T08:00:05.1Z\",\"AccountId\":1,\"LeaseId\":"
                        + lease.id() + "}";

        // when
        postSigned(second, "sim-webhook-secret", now()).then().statusCode(202);
        postSigned(second, "sim-webhook-secret", now()).then().statusCode(202);
        postSigned(first, "sim-webhook-secret", now()).then().statusCode(202);

        // then: one event per distinct delivery (the duplicate is dropped), each carrying the current state
        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        assertThat(events(leases, key("lease", lease.id()))).hasSize(2));
        assertThat(events(leases, key("lease", lease.id())))
                .allSatisfy(e -> assertThat(e.data()).containsEntry("renewalStatus", "Renewed"));
    }

    @Test
    void givenPagedPolling_whileSimulatorChanges_thenEveryLeaseEndsAtItsCurrentState() throws Exception {
        // given: a first poll sets the baseline (snapshots), pages of 7 across the portfolio
        poller.poll(connectionId);
        // when: the PMS keeps changing while the next poll pages through it; one more poll after it calmed down
        simulator.startChanges(5);
        int emitted;
        try {
            emitted = poller.poll(connectionId);
        } finally {
            simulator.stopChanges();
        }
        poller.poll(connectionId);
        int unchanged = poller.poll(connectionId);

        // then: every lease's latest event equals the simulator's state, and an unchanged PMS emits nothing
        assertThat(emitted).isPositive();
        assertThat(unchanged).isZero();
        for (Portfolio.Record lease : simulator.portfolio().list(Kind.LEASE, null, null)) {
            // the reader may not have caught up with the last poll yet: wait for the latest event to arrive
            await().atMost(TIMEOUT).untilAsserted(() -> {
                List<ChangeEvent> all = events(leases, key("lease", lease.id()));
                assertThat(all).isNotEmpty();
                ChangeEvent latest = all.getLast();
                assertThat(latest.data().get("endDate")).isEqualTo(lease.body().get("LeaseToDate"));
                // a poll's event time is when the lease changed in the PMS (its LastUpdatedDateTime, which is also
                // its version), not when it was read
                assertThat(all.stream().filter(e -> e.pmsEventId() == null))
                        .isNotEmpty()
                        .allSatisfy(polled ->
                                assertThat(polled.occurredAt().toString()).isEqualTo(polled.sourceVersion()));
                assertThat(latest.data().get("status"))
                        .isEqualTo(Map.of("Active", "CURRENT", "Future", "FUTURE", "Past", "PAST")
                                .get((String) lease.body().get("LeaseStatus")));
            });
        }
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> given().auth()
                                .oauth2(TestTokens.of("olivia", "acme", "viewer"))
                                .get("/api/v1/connections/" + connectionId)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getMap("lastSuccessfulSyncByEntityType")))
                .containsKey("lease");
    }

    @Test
    void givenSyncStoppedHalfway_whenResumed_thenCompletesFromCheckpointWithEverySnapshot() throws Exception {
        // given
        Connection connection = health.find(connectionId);
        SyncRun run = syncRunner.create(connection, "test");

        // when: two pages, then the "crash", then the resume
        boolean doneEarly = syncRunner.run(run.id, 2);
        SyncRun halfway = QuarkusTransaction.requiringNew().call(() -> SyncRun.findById(run.id));
        boolean done = syncRunner.run(run.id, Integer.MAX_VALUE);

        // then
        assertThat(doneEarly).isFalse();
        assertThat(halfway.pages).isEqualTo(2);
        assertThat(done).isTrue();
        SyncRun finished = QuarkusTransaction.requiringNew().call(() -> SyncRun.findById(run.id));
        assertThat(finished.status).isEqualTo(SyncRun.COMPLETED);
        int expected = 0;
        for (Kind kind : List.of(
                Kind.RENTAL, Kind.UNIT, Kind.LEASE, Kind.TENANT, Kind.WORK_ORDER, Kind.VENDOR, Kind.APPLICANT)) {
            expected += simulator.portfolio().count(kind);
        }
        assertThat(finished.records).isEqualTo(expected);
        for (Portfolio.Record lease : simulator.portfolio().list(Kind.LEASE, null, null)) {
            assertThat(events(leases, key("lease", lease.id())))
                    .extracting(ChangeEvent::op)
                    .contains(Op.SNAPSHOT);
        }
        // and the completed run is announced for reconciliation, once, with its record count
        List<ConsumerRecord<String, String>> announced =
                await().atMost(TIMEOUT).until(() -> syncRuns.withKey(connectionId), list -> !list.isEmpty());
        SyncRunCompleted completed =
                ContractJson.mapper().readValue(announced.getFirst().value(), SyncRunCompleted.class);
        assertThat(announced).hasSize(1);
        assertThat(completed.runId()).isEqualTo(run.id.toString());
        assertThat(completed.records()).isEqualTo(expected);
        assertThat(completed.entityTypes()).contains("lease", "resident", "workorder");
    }

    @Test
    void givenBadRecordBetweenValidOnes_whenSynced_thenDeadLetteredAndNeighboursEmitted() throws Exception {
        // given: a lease with a status Buildium's spec does not know, between valid leases
        Portfolio.Record template =
                simulator.portfolio().pick(Kind.LEASE, l -> true).orElseThrow();
        long badId = simulator.portfolio().nextId();
        Map<String, Object> bad = new LinkedHashMap<>(template.body());
        bad.put("Id", badId);
        bad.put("LeaseStatus", "Evicted");
        // the document allows no such status: this test makes the simulator send it anyway
        simulator.buildium().contract().tolerate("\"Evicted\"");
        simulator.portfolio().put(Kind.LEASE, bad, Instant.now());
        long afterId = simulator
                .portfolio()
                .lease(
                        ((Number) template.body().get("PropertyId")).longValue(),
                        ((Number) template.body().get("UnitId")).longValue(),
                        1,
                        "Future",
                        Instant.now());
        try {
            // when
            SyncRun run = syncRunner.create(health.find(connectionId), "test");
            syncRunner.run(run.id, Integer.MAX_VALUE);

            // then
            List<ConsumerRecord<String, String>> letters = await().atMost(TIMEOUT)
                    .until(
                            () -> dlq.matching(r -> r.value().contains("\"connectionId\":\"" + connectionId + "\"")),
                            l -> !l.isEmpty());
            DeadLetter letter =
                    ContractJson.mapper().readValue(letters.getFirst().value(), DeadLetter.class);
            assertThat(letter.reason()).contains("Evicted").contains("LeaseStatus");
            assertThat(letter.rawPayload()).contains("\"Id\":" + badId);
            assertThat(events(leases, key("lease", template.id()))).isNotEmpty();
            assertThat(events(leases, key("lease", afterId))).isNotEmpty();
            assertThat(events(leases, key("lease", badId))).isEmpty();
        } finally {
            simulator.portfolio().delete(Kind.LEASE, badId, Instant.now());
            simulator.buildium().contract().stopTolerating("\"Evicted\"");
        }
    }

    @Test
    void givenWriteBackUnder429s_whenCommandSentTwice_thenPmsWrittenOnceAndSucceeded() throws Exception {
        // given
        Portfolio.Record unit = simulator.portfolio().pick(Kind.UNIT, u -> true).orElseThrow();
        String commandId = UUID.randomUUID().toString();
        String title = "Broken dishwasher " + commandId;
        WritebackCommand command = new WritebackCommand(
                WritebackCommand.SCHEMA_VERSION,
                commandId,
                WritebackCommand.Type.CREATE_WORK_ORDER,
                "acme",
                connectionId,
                null,
                null,
                Map.of(
                        "unitId",
                        Long.toString(unit.id()),
                        "title",
                        title,
                        "priority",
                        "high",
                        "description",
                        "Water on the floor — résident says it's urgent",
                        "vendorId",
                        Long.toString(anyId(Kind.VENDOR)),
                        "assignedToUserId",
                        "1",
                        "entryAllowed",
                        "yes"),
                "olivia",
                Instant.now());
        simulator.buildium().failNextWrites(3);

        // when
        try (TestKafkaWriter writer = new TestKafkaWriter()) {
            String json = ContractJson.mapper().writeValueAsString(command);
            writer.sendRaw(Topics.WRITEBACK_COMMANDS, "workorder:" + connectionId + ":new", json);
            List<WritebackResult> first = await().atMost(TIMEOUT).until(() -> resultsOf(commandId), l -> !l.isEmpty());
            writer.sendRaw(Topics.WRITEBACK_COMMANDS, "workorder:" + connectionId + ":new", json);
            await().atMost(TIMEOUT).until(() -> resultsOf(commandId), l -> l.size() == 2);

            // then
            assertThat(first.getFirst().status()).isEqualTo(WritebackResult.Status.SUCCEEDED);
            assertThat(resultsOf(commandId))
                    .extracting(WritebackResult::externalId)
                    .containsOnly(first.getFirst().externalId());
        }
        assertThat(simulator.portfolio().list(Kind.WORK_ORDER, null, null))
                .filteredOn(wo -> title.equals(wo.body().get("Title")))
                .hasSize(1);
    }

    @Test
    void givenPmsRefusesCredentials_whenPolled_thenConnectionDisconnected() {
        // given
        given().auth()
                .oauth2(TestTokens.of("adam", "acme", "admin"))
                .contentType("application/json")
                .body(Map.of("credential", "sim-client:wrong-secret"))
                .put("/api/v1/connections/" + connectionId + "/credentials")
                .then()
                .statusCode(200);

        // when
        try {
            poller.poll(connectionId);
        } catch (RuntimeException expected) {
            // the poll fails; what matters is the status it leaves
        }

        // then
        given().auth()
                .oauth2(TestTokens.of("olivia", "acme", "viewer"))
                .get("/api/v1/connections/" + connectionId)
                .then()
                .statusCode(200)
                .body("status", Matchers.equalTo(ConnectionStatus.DISCONNECTED.name()));
        given().auth()
                .oauth2(TestTokens.of("victor", "globex", "viewer"))
                .get("/api/v1/connections/" + connectionId)
                .then()
                .statusCode(404);
    }

    @Test
    void givenEachWriteBackType_whenSentToTheValidatingSimulator_thenEachSucceedsWithinThePublishedRules() {
        WritebackResult created = write(
                WritebackCommand.Type.CREATE_WORK_ORDER,
                null,
                Map.of(
                        "unitId",
                        Long.toString(anyId(Kind.UNIT)),
                        "title",
                        "Dripping tap",
                        "vendorId",
                        Long.toString(anyId(Kind.VENDOR)),
                        "assignedToUserId",
                        "1"));
        assertThat(created.status()).isEqualTo(WritebackResult.Status.SUCCEEDED);
        Portfolio.Record tenant =
                simulator.portfolio().pick(Kind.TENANT, t -> true).orElseThrow();
        Map<WritebackCommand.Type, Map<String, Object>> commands = Map.of(
                WritebackCommand.Type.UPDATE_WORK_ORDER_STATUS,
                Map.of("status", "ON_HOLD"),
                WritebackCommand.Type.CREATE_LEAD,
                Map.of("unitId", Long.toString(anyId(Kind.UNIT)), "firstName", "Ada", "lastName", "Lovelace"),
                WritebackCommand.Type.POST_CHARGE,
                Map.of(
                        "leaseId",
                        Long.toString(anyId(Kind.LEASE)),
                        "amount",
                        "25.00",
                        "date",
                        "2026-12-03",
                        "glAccountId",
                        "4000"),
                WritebackCommand.Type.UPDATE_RESIDENT_CONTACT,
                Map.of("email", "new-address@example.com"));

        commands.forEach((type, fields) -> {
            String externalId = switch (type) {
                case UPDATE_WORK_ORDER_STATUS -> created.externalId();
                case UPDATE_RESIDENT_CONTACT -> Long.toString(tenant.id());
                default -> null;
            };
            assertThat(write(type, externalId, fields).status())
                    .as(type.name())
                    .isEqualTo(WritebackResult.Status.SUCCEEDED);
        });
        assertThat(simulator
                        .portfolio()
                        .get(Kind.TENANT, tenant.id())
                        .orElseThrow()
                        .body())
                .containsEntry("Email", "new-address@example.com")
                .containsKey("Address"); // the replace kept what it did not change
    }

    @Test
    void givenWorkOrderWithoutTheVendorBuildiumRequires_whenWrittenBack_thenRejectedNamingTheField() {
        WritebackResult result = write(
                WritebackCommand.Type.CREATE_WORK_ORDER,
                null,
                Map.of("unitId", Long.toString(anyId(Kind.UNIT)), "title", "No vendor", "assignedToUserId", "1"));

        assertThat(result.status()).isEqualTo(WritebackResult.Status.REJECTED);
        assertThat(result.reason()).contains("vendorId");
    }

    @Test
    void
            givenTheConnectionsChargeAccountAndCurrency_whenAChargeNamesNoAccount_thenTheSettingIsUsedAndLeasesCarryTheCurrency()
                    throws Exception {
        WritebackResult unset = write(
                WritebackCommand.Type.POST_CHARGE,
                null,
                Map.of("leaseId", Long.toString(anyId(Kind.LEASE)), "amount", "25.00", "date", "2026-12-03"));
        assertThat(unset.status()).isEqualTo(WritebackResult.Status.REJECTED);
        assertThat(unset.reason()).contains("settings.chargeGlAccountId");

        Map<String, Object> change = new HashMap<>();
        change.put("pmsType", "buildium");
        change.put("apiBaseUrl", simulator.baseUrl());
        change.put("mode", "BOTH");
        change.put("settings", Map.of("currency", "CAD", "chargeGlAccountId", "4100"));
        given().auth()
                .oauth2(TestTokens.of("adam", "acme", "admin"))
                .contentType("application/json")
                .body(change)
                .put("/api/v1/connections/" + connectionId)
                .then()
                .statusCode(200)
                .body("settings.currency", Matchers.equalTo("CAD"));

        WritebackResult charged = write(
                WritebackCommand.Type.POST_CHARGE,
                null,
                Map.of("leaseId", Long.toString(anyId(Kind.LEASE)), "amount", "25.00", "date", "2026-12-03"));
        assertThat(charged.status()).isEqualTo(WritebackResult.Status.SUCCEEDED);

        long leaseId = anyId(Kind.LEASE);
        String body = "{\"EventName\":\"Lease.Updated\",\"EventDateTime\":\"" + Instant.now()
                + "\",\"AccountId\":123456,\"LeaseId\":" + leaseId + "}";
        postSigned(body, "sim-webhook-secret", now()).then().statusCode(202);
        assertThat(awaitLatest(leases, key("lease", leaseId)).data()).containsEntry("currency", "CAD");
    }

    @Test
    void givenAnUnknownOrMalformedSetting_whenSaved_then400NamingIt() {
        for (Map<String, String> settings : List.of(Map.of("colour", "blue"), Map.of("currency", "dollars"))) {
            Map<String, Object> change = new HashMap<>();
            change.put("pmsType", "buildium");
            change.put("apiBaseUrl", simulator.baseUrl());
            change.put("settings", settings);
            given().auth()
                    .oauth2(TestTokens.of("adam", "acme", "admin"))
                    .contentType("application/json")
                    .body(change)
                    .put("/api/v1/connections/" + connectionId)
                    .then()
                    .statusCode(400)
                    .body("detail", Matchers.containsString("settings"));
        }
    }

    @AfterEach
    void simulatorSawOnlyWhatTheDocumentAllows() {
        assertThat(simulator.buildium().contractViolations()).isEmpty();
    }

    private WritebackResult write(WritebackCommand.Type type, String externalId, Map<String, Object> fields) {
        String commandId = UUID.randomUUID().toString();
        WritebackCommand command = new WritebackCommand(
                WritebackCommand.SCHEMA_VERSION,
                commandId,
                type,
                "acme",
                connectionId,
                null,
                externalId,
                fields,
                "olivia",
                Instant.now());
        try (TestKafkaWriter writer = new TestKafkaWriter()) {
            writer.sendRaw(
                    Topics.WRITEBACK_COMMANDS,
                    type + ":" + connectionId,
                    ContractJson.mapper().writeValueAsString(command));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return await().atMost(TIMEOUT)
                .until(() -> resultsOf(commandId), l -> !l.isEmpty())
                .getFirst();
    }

    private static long anyId(Kind kind) {
        return simulator.portfolio().pick(kind, r -> true).orElseThrow().id();
    }

    private List<WritebackResult> resultsOf(String commandId) {
        return results.matching(r -> r.value().contains(commandId)).stream()
                .map(r -> {
                    try {
                        return ContractJson.mapper().readValue(r.value(), WritebackResult.class);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private String path() {
        return "/webhooks/" + connectionId;
    }

    private Response postSigned(String body, String secret, String timestamp) {
        return given().contentType("application/json")
                .header("buildium-webhook-timestamp", timestamp)
                .header("buildium-webhook-signature", BuildiumWebhookSender.sign(secret, timestamp, body))
                .body(body)
                .post(path());
    }

    private String key(String type, long id) {
        return type + ":" + connectionId + ":" + id;
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    @SuppressWarnings("unchecked")
    private static String decimal(Map<String, Object> body, String object, String field) {
        return new BigDecimal(
                        ((Map<String, Object>) body.get(object)).get(field).toString())
                .setScale(2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static List<ChangeEvent> events(TestKafkaReader reader, String key) {
        return reader.withKey(key).stream()
                .map(r -> {
                    try {
                        return ContractJson.mapper().readValue(r.value(), ChangeEvent.class);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static ChangeEvent awaitLatest(TestKafkaReader reader, String key) {
        List<ChangeEvent> events = await().atMost(TIMEOUT).until(() -> events(reader, key), list -> !list.isEmpty());
        return events.getLast();
    }
}
