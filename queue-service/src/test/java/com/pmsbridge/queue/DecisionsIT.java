package com.pmsbridge.queue;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.LifecycleType;
import com.pmsbridge.contract.event.QueueAction;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestKafkaReader;
import com.pmsbridge.testsupport.TestKafkaWriter;
import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "queue_test"))
class DecisionsIT {
    /** Metrics are served on the management port only. */
    @TestHTTPResource(value = "/metrics", management = true) // under the /q root
    URL metricsUrl;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static TestKafkaWriter writer;
    private static TestKafkaReader actions;

    @Inject
    EntityManager em;

    @BeforeAll
    static void open() {
        writer = new TestKafkaWriter();
        actions = new TestKafkaReader(Topics.QUEUE_ACTIONS);
    }

    @AfterAll
    static void close() {
        writer.close();
        actions.close();
    }

    @Test
    void givenPendingItem_whenAppliedFromEightThreadsAtOnce_thenOneEffectAndOneLogEntry() throws Exception {
        // given
        String org = "org-" + UUID.randomUUID();
        String itemId = pendingItem(
                org,
                LifecycleType.MOVE_IN,
                "P-1",
                "U-1",
                Map.of(),
                Map.of("status", "CURRENT", "residentIds", List.of("R-1")));
        String operator = TestTokens.of("olivia", org, "operator");

        // when
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit((Callable<Integer>) () -> given().auth()
                    .oauth2(operator)
                    .post("/api/v1/queue/items/" + itemId + "/apply")
                    .statusCode()));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(200);
        }
        pool.shutdown();

        // then
        String entityKey = item(org, itemId).then().extract().path("entityKey");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(actions.withKey(entityKey)).isNotEmpty());
        await().during(Duration.ofSeconds(1))
                .atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(actions.withKey(entityKey)).hasSize(1));
        QueueAction action = ContractJson.mapper()
                .readValue(actions.withKey(entityKey).getFirst().value(), QueueAction.class);
        assertThat(action.itemId()).isEqualTo(itemId);
        assertThat(action.action()).isEqualTo(QueueAction.Action.ACCESS_GRANTED);
        assertThat(action.unitId()).isEqualTo("U-1");
        assertThat(action.data()).containsEntry("residentIds", List.of("R-1"));
        assertThat(action.appliedBy()).isEqualTo("olivia");
        item(org, itemId).then().body("status", equalTo("APPLIED"));
        assertThat(log(org).getList("findAll { it.itemId == '" + itemId + "' && it.action == 'APPLY' }"))
                .hasSize(1);
    }

    @Test
    void givenAutoApplyOnForMoveIns_whenMoveInArrives_thenAppliedByAutomationAndSettingChangeLogged() {
        // given
        String org = "org-" + UUID.randomUUID();
        given().auth()
                .oauth2(TestTokens.of("adam", org, "admin"))
                .contentType("application/json")
                .body(Map.of("itemType", "MOVE_IN", "enabled", true))
                .put("/api/v1/queue/settings")
                .then()
                .statusCode(200);

        // when
        String itemId = pendingItemOrApplied(org, LifecycleType.MOVE_IN, "P-2", "U-2");

        // then
        await().atMost(TIMEOUT)
                .untilAsserted(() -> item(org, itemId)
                        .then()
                        .body("status", equalTo("APPLIED"))
                        .body("automated", equalTo(true))
                        .body("decidedBy", equalTo("automation")));
        JsonPath log = log(org);
        assertThat(log.getList("findAll { it.action == 'SETTING_CHANGED' && it.actor == 'adam' }"))
                .hasSize(1);
        assertThat(log.getList("findAll { it.itemId == '" + itemId + "' && it.actor == 'automation' }"))
                .hasSize(1);
    }

    @Test
    void givenPropertyOverrideOff_whenOrgDefaultOn_thenItemStaysPending() {
        // given
        String org = "org-" + UUID.randomUUID();
        String admin = TestTokens.of("adam", org, "admin");
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("itemType", "MOVE_IN", "enabled", true))
                .put("/api/v1/queue/settings")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("itemType", "MOVE_IN", "propertyId", "P-OFF", "enabled", false))
                .put("/api/v1/queue/settings")
                .then()
                .statusCode(200);

        // when
        String itemId = pendingItemOrApplied(org, LifecycleType.MOVE_IN, "P-OFF", "U-3");

        // then
        item(org, itemId).then().body("status", equalTo("PENDING"));
    }

    @Test
    void givenNewerLeaseModification_whenArrives_thenOlderSupersededAndChangesCarriedForward() {
        // given
        String org = "org-" + UUID.randomUUID();
        String entityKey = "lease:conn-q:" + UUID.randomUUID();
        String older = pendingItemFor(
                org, entityKey, LifecycleType.LEASE_MODIFIED, Map.of("rent", "1000.00"), Map.of("rent", "1100.00"));

        // when
        String newer = pendingItemFor(
                org,
                entityKey,
                LifecycleType.LEASE_MODIFIED,
                Map.of("endDate", "2027-01-31"),
                Map.of("endDate", "2028-01-31"));

        // then
        item(org, older).then().body("status", equalTo("SUPERSEDED")).body("supersededBy", equalTo(newer));
        item(org, newer)
                .then()
                .body("status", equalTo("PENDING"))
                .body("changes.after.rent", equalTo("1100.00"))
                .body("changes.after.endDate", equalTo("2028-01-31"))
                .body("changes.before.rent", equalTo("1000.00"));
    }

    @Test
    void givenNewResidentWithEmail_whenArrives_thenCreationAndInvitationItems() {
        String org = "org-" + UUID.randomUUID();
        String entityKey = "resident:conn-q:" + UUID.randomUUID();
        LifecycleEvents.publish(
                writer,
                LifecycleEvents.of(
                        LifecycleType.RESIDENT_CREATED,
                        org,
                        entityKey,
                        "P-1",
                        "U-1",
                        Map.of(),
                        Map.of("firstName", "Zoë", "email", "zoe@example.com")));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(given().auth()
                                .oauth2(TestTokens.of("v", org, "viewer"))
                                .get("/api/v1/queue/items")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("findAll { it.entityKey == '" + entityKey + "' }.type", String.class))
                        .containsExactlyInAnyOrder("RESIDENT_CREATION", "RESIDENT_INVITATION"));
    }

    @Test
    void givenAMoveInAndAMoveOutOfOneLease_whenBothApplied_thenTheGrantAndTheRevokeShareItsKeyInOrder() {
        String org = "org-" + UUID.randomUUID();
        String entityKey = "lease:conn-q:" + UUID.randomUUID();
        Map<String, Object> residents = Map.of("residentIds", List.of("R-1"));
        String moveIn = pendingItemFor(org, entityKey, LifecycleType.MOVE_IN, Map.of(), residents);
        String moveOut = pendingItemFor(org, entityKey, LifecycleType.MOVE_OUT, Map.of(), residents);
        String operator = TestTokens.of("olivia", org, "operator");

        given().auth()
                .oauth2(operator)
                .post("/api/v1/queue/items/" + moveIn + "/apply")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(operator)
                .post("/api/v1/queue/items/" + moveOut + "/apply")
                .then()
                .statusCode(200);

        List<ConsumerRecord<String, String>> both =
                await().atMost(TIMEOUT).until(() -> actions.withKey(entityKey), records -> records.size() == 2);
        assertThat(both)
                .extracting(ConsumerRecord::partition)
                .containsOnly(both.getFirst().partition());
        assertThat(both.getFirst().offset()).isLessThan(both.getLast().offset());
        assertThat(both.getFirst().value()).contains("ACCESS_GRANTED");
        assertThat(both.getLast().value()).contains("ACCESS_REVOKED");
    }

    @Test
    void givenPendingMoveOut_whenLeaseArchivedArrives_thenMoveOutIsASuggestedSkip() {
        String org = "org-" + UUID.randomUUID();
        String entityKey = "lease:conn-q:" + UUID.randomUUID();
        String moveOut = pendingItemFor(
                org,
                entityKey,
                LifecycleType.MOVE_OUT,
                Map.of(),
                Map.of("moveOutDate", "2026-12-31", "residentIds", List.of("R-1")));

        pendingItemFor(org, entityKey, LifecycleType.LEASE_ARCHIVED, Map.of("status", "PAST"), Map.of("status", (Object)
                "PAST"));

        item(org, moveOut).then().body("status", equalTo("PENDING")).body("suggestedSkip", equalTo(true));
    }

    @Test
    void givenPendingItemsOfTwoProperties_whenBulkSkippedByProperty_thenOnlyThatPropertysItemsSkipped() {
        // given
        String org = "org-" + UUID.randomUUID();
        String a1 = pendingItem(org, LifecycleType.LEASE_CREATED, "P-A", "U-1", Map.of(), Map.of("status", "FUTURE"));
        String a2 = pendingItem(org, LifecycleType.LEASE_CREATED, "P-A", "U-2", Map.of(), Map.of("status", "FUTURE"));
        String b1 = pendingItem(org, LifecycleType.LEASE_CREATED, "P-B", "U-3", Map.of(), Map.of("status", "FUTURE"));

        // when
        given().auth()
                .oauth2(TestTokens.of("olivia", org, "operator"))
                .contentType("application/json")
                .body(Map.of("filter", Map.of("propertyId", "P-A"), "reason", "imported by hand"))
                .post("/api/v1/queue/items/skip")
                .then()
                .statusCode(200)
                .body("matched", equalTo(2));

        // then
        item(org, a1).then().body("status", equalTo("SKIPPED")).body("reason", equalTo("imported by hand"));
        item(org, a2).then().body("status", equalTo("SKIPPED"));
        item(org, b1).then().body("status", equalTo("PENDING"));
    }

    @Test
    void givenASkipReasonLongerThan500Characters_whenSkipped_then400NamingTheFieldAndTheItemStaysPending() {
        String org = "org-" + UUID.randomUUID();
        String itemId =
                pendingItem(org, LifecycleType.LEASE_CREATED, "P-A", "U-1", Map.of(), Map.of("status", "FUTURE"));

        given().auth()
                .oauth2(TestTokens.of("olivia", org, "operator"))
                .contentType("application/json")
                .body(Map.of("reason", "x".repeat(501)))
                .post("/api/v1/queue/items/" + itemId + "/skip")
                .then()
                .statusCode(400)
                .body("detail", containsString("reason"));

        item(org, itemId).then().body("status", equalTo("PENDING"));
    }

    @Test
    void givenMoveInWithoutUnit_whenApplied_thenFailedWithReasonAndRetryable() {
        String org = "org-" + UUID.randomUUID();
        String itemId = pendingItem(org, LifecycleType.MOVE_IN, "P-1", null, Map.of(), Map.of("status", "CURRENT"));
        String operator = TestTokens.of("olivia", org, "operator");

        given().auth()
                .oauth2(operator)
                .post("/api/v1/queue/items/" + itemId + "/apply")
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("reason", containsString("unit"));
        given().auth()
                .oauth2(operator)
                .post("/api/v1/queue/items/" + itemId + "/apply")
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("attempts", equalTo(2));
    }

    @Test
    void givenMoveInWithoutResidents_whenApplied_thenFailedNamingThem() {
        String org = "org-" + UUID.randomUUID();
        String itemId = pendingItem(org, LifecycleType.MOVE_IN, "P-1", "U-1", Map.of(), Map.of("status", "CURRENT"));

        given().auth()
                .oauth2(TestTokens.of("olivia", org, "operator"))
                .post("/api/v1/queue/items/" + itemId + "/apply")
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("reason", containsString("residents"));
    }

    @Test
    void givenRoles_whenDeciding_thenViewerRefusedAndOtherOrgSeesNothing() {
        String org = "org-" + UUID.randomUUID();
        String itemId =
                pendingItem(org, LifecycleType.LEASE_CREATED, "P-1", "U-1", Map.of(), Map.of("status", "FUTURE"));

        given().auth()
                .oauth2(TestTokens.of("victor", org, "viewer"))
                .post("/api/v1/queue/items/" + itemId + "/apply")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.of("olivia", "other-org", "operator"))
                .post("/api/v1/queue/items/" + itemId + "/apply")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.of("olivia", "other-org", "viewer"))
                .get("/api/v1/queue/items/" + itemId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.of("olivia", org, "operator"))
                .contentType("application/json")
                .body(Map.of("itemType", "MOVE_IN", "enabled", true))
                .put("/api/v1/queue/settings")
                .then()
                .statusCode(403);
    }

    @Test
    void givenLogEntry_whenChangedInTheDatabase_thenRefused() {
        String org = "org-" + UUID.randomUUID();
        given().auth()
                .oauth2(TestTokens.of("adam", org, "admin"))
                .contentType("application/json")
                .body(Map.of("itemType", "LEASE_CREATION", "enabled", false))
                .put("/api/v1/queue/settings")
                .then()
                .statusCode(200);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery("update action_log set actor = 'someone-else' where org = ?1")
                                .setParameter(1, org)
                                .executeUpdate()))
                .hasStackTraceContaining("append-only");
    }

    @Test
    void givenDecisions_whenMetricsScraped_thenQueueHealthIsExposed() {
        // given: a pending item, and a decision recorded
        String org = "org-" + UUID.randomUUID();
        pendingItem(org, LifecycleType.LEASE_CREATED, "P-M", "U-M", Map.of(), Map.of("status", "FUTURE"));
        String failed = pendingItem(org, LifecycleType.MOVE_IN, "P-M", null, Map.of(), Map.of("status", "CURRENT"));
        given().auth()
                .oauth2(TestTokens.of("olivia", org, "operator"))
                .post("/api/v1/queue/items/" + failed + "/apply");

        // then: gauges follow within a refresh, counters at once
        await().atMost(TIMEOUT).untilAsserted(() -> {
            String metrics =
                    given().get(metricsUrl).then().statusCode(200).extract().asString();
            assertThat(metrics)
                    .contains("pms_queue_pending_items{age=\"lt_1h\",org=\"" + org + "\",type=\"LEASE_CREATION\"} 1.0");
            assertThat(metrics).contains("pms_queue_oldest_pending_age_seconds{org=\"" + org + "\"}");
            assertThat(metrics).contains("pms_queue_items_failed_total{type=\"MOVE_IN\"}");
        });
    }

    private String pendingItem(
            String org,
            LifecycleType type,
            String propertyId,
            String unitId,
            Map<String, Object> before,
            Map<String, Object> after) {
        String entityKey = (type.name().startsWith("RESIDENT") ? "resident" : "lease") + ":conn-q:" + UUID.randomUUID();
        LifecycleEvent event = LifecycleEvents.of(type, org, entityKey, propertyId, unitId, before, after);
        LifecycleEvents.publish(writer, event);
        return awaitItem(org, entityKey, type);
    }

    private String pendingItemOrApplied(String org, LifecycleType type, String propertyId, String unitId) {
        return pendingItem(
                org, type, propertyId, unitId, Map.of(), Map.of("status", "CURRENT", "residentIds", List.of("R-1")));
    }

    private String pendingItemFor(
            String org, String entityKey, LifecycleType type, Map<String, Object> before, Map<String, Object> after) {
        LifecycleEvent event = LifecycleEvents.of(type, org, entityKey, "P-9", "U-9", before, after);
        LifecycleEvents.publish(writer, event);
        List<String> ids = await().atMost(TIMEOUT)
                .until(
                        () -> given().auth()
                                .oauth2(TestTokens.of("v", org, "viewer"))
                                .queryParam("limit", 500)
                                .get("/api/v1/queue/items")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList(
                                        "findAll { it.sourceEventIds.contains('" + event.eventId() + "') }.id",
                                        String.class),
                        l -> !l.isEmpty());
        return ids.getFirst();
    }

    private String awaitItem(String org, String entityKey, LifecycleType type) {
        List<String> ids = await().atMost(TIMEOUT)
                .until(
                        () -> given().auth()
                                .oauth2(TestTokens.of("v", org, "viewer"))
                                .get("/api/v1/queue/items")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("findAll { it.entityKey == '" + entityKey + "' }.id", String.class),
                        l -> !l.isEmpty());
        return ids.getFirst();
    }

    private static Response item(String org, String id) {
        return given().auth().oauth2(TestTokens.of("v", org, "viewer")).get("/api/v1/queue/items/" + id);
    }

    private static JsonPath log(String org) {
        return given().auth()
                .oauth2(TestTokens.of("v", org, "viewer"))
                .get("/api/v1/queue/log")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
