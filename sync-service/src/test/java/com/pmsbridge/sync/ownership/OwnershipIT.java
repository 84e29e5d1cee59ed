package com.pmsbridge.sync.ownership;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.contract.event.WritebackCommand;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestChanges;
import com.pmsbridge.testsupport.TestKafkaReader;
import com.pmsbridge.testsupport.TestKafkaWriter;
import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

/** Ownership and rules per organisation and connection: stored, versioned, audited, in effect without a restart. */
@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "sync_test"))
class OwnershipIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String POLICY = "/api/v1/entities/_ownership";
    private static TestKafkaWriter writer;
    private static TestKafkaReader commands;

    @BeforeAll
    static void open() {
        writer = new TestKafkaWriter();
        commands = new TestKafkaReader(Topics.WRITEBACK_COMMANDS);
    }

    @AfterAll
    static void close() {
        writer.close();
        commands.close();
    }

    @Test
    void givenOneOrganisationMakesTheTitleHubOwned_whenThePmsChangesTitles_thenOnlyTheOtherOrganisationTakesThem() {
        String mine = "own-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        put(mine, null, null, document(List.of("notes", "title"), "pms-wins"))
                .then()
                .statusCode(200);

        String myKey = workOrder(mine, "c-own", "Leaking faucet", "NEW", "2026-11-23T08:00:00Z");
        String otherKey = workOrder(other, "c-own", "Leaking faucet", "NEW", "2026-11-23T08:00:00Z");
        workOrder(mine, "c-own", myKey, "Faucet replaced", "NEW", "2026-11-23T09:00:00Z");
        workOrder(other, "c-own", otherKey, "Faucet replaced", "NEW", "2026-11-23T09:00:00Z");

        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> entity(other, otherKey).then().body("fields.title.value", equalTo("Faucet replaced")));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> entity(mine, myKey).then().body("version", equalTo("2026-11-23T09:00:00Z")));
        entity(mine, myKey).then().body("fields.title", nullValue()).body("fields.status.value", equalTo("NEW"));
    }

    @Test
    void givenAConnectionsOwnDocument_whenRead_thenItOverridesTheOrganisationsAndVersionsNameWhoStoredThem() {
        String org = "own-" + UUID.randomUUID();
        put(org, null, null, document(List.of("notes"), "pms-wins"))
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
        put(org, "c-special", null, document(List.of("notes", "tags"), "hub-wins"))
                .then()
                .statusCode(200)
                .body("version", equalTo(1));

        read(org, "c-special")
                .then()
                .body("scope", equalTo("connection"))
                .body("document.entities.workorder.hub", contains("notes", "tags"));
        read(org, "c-other").then().body("scope", equalTo("organisation"));
        read("nobody-" + UUID.randomUUID(), null)
                .then()
                .body("scope", equalTo("default"))
                .body("version", equalTo(0));

        // a second admin who read version 1 after the first stored version 2 is told so
        put(org, null, "1", document(List.of("notes", "stage"), "pms-wins"))
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        put(org, null, "1", document(List.of("notes"), "hub-wins"))
                .then()
                .statusCode(409)
                .body("detail", containsString("version 2, not 1"));
        given().auth()
                .oauth2(TestTokens.of("adam", org, "admin"))
                .get(POLICY + "/versions")
                .then()
                .statusCode(200)
                .body("version", contains(2, 1))
                .body("changedBy", everyItem(equalTo("adam")));
    }

    @Test
    void givenAViewerOrABadDocument_whenStored_then403Or400NamingTheProblem() {
        String org = "own-" + UUID.randomUUID();
        given().auth()
                .oauth2(TestTokens.of("victor", org, "viewer"))
                .contentType("application/json")
                .body(document(List.of("notes"), "pms-wins"))
                .put(POLICY)
                .then()
                .statusCode(403);
        put(org, null, null, Map.of("entities", Map.of("workorder", Map.of("shared", List.of("vendorId")))))
                .then()
                .statusCode(400)
                .body("detail", containsString("'vendorId' cannot be shared"));
        put(org, null, null, Map.of("defaultRule", "coin-toss"))
                .then()
                .statusCode(400)
                .body("detail", containsString("unknown conflict rule 'coin-toss'"));
    }

    @Test
    void
            givenHubWinsForOneOrganisation_whenThePmsOverwritesAPendingHubEdit_thenTheHubValueStaysAndIsWrittenBackAgain() {
        String org = "own-" + UUID.randomUUID();
        String key = workOrderWithPendingHubEdit(org, "hub-wins");

        // the PMS, not having seen the edit yet, sends its own later change of the status
        pmsSendsStatus(org, key, "COMPLETED");

        List<WritebackCommand> written = await().atMost(TIMEOUT)
                .until(() -> commands.valuesWithKey(key, WritebackCommand.class), l -> l.size() == 2);
        assertThat(written).allSatisfy(c -> assertThat(c.fields()).containsEntry("status", "IN_PROGRESS"));
        assertThat(written.getLast().requestedBy()).isEqualTo("conflict rule hub-wins");
        entity(org, key)
                .then()
                .body("fields.status.value", equalTo("IN_PROGRESS"))
                .body("fields.status.pendingWriteBack", equalTo(true));
        given().auth()
                .oauth2(TestTokens.of("olivia", org, "viewer"))
                .queryParam("entityType", "workorder")
                .get("/api/v1/conflicts")
                .then()
                .body("find { it.entityKey == '" + key + "' }.rule", equalTo("hub-wins"))
                .body("find { it.entityKey == '" + key + "' }.winner", equalTo("hub"));
    }

    /** Each rule, through the live projection: a hub edit pending, then the PMS sends another value. */
    @ParameterizedTest
    @CsvSource({
        "pms-wins, COMPLETED, COMPLETED, pms",
        "hub-wins, COMPLETED, IN_PROGRESS, hub",
        "latest-wins, COMPLETED, COMPLETED, pms",
        "prefer-pms-unless-blank, '', IN_PROGRESS, hub",
        "prefer-pms-unless-blank, COMPLETED, COMPLETED, pms",
        "prefer-hub-unless-blank, COMPLETED, IN_PROGRESS, hub"
    })
    void givenEachRule_whenThePmsSendsAnotherValueWhileAHubEditIsPending_thenTheRulesWinnerIsHeldAndRecorded(
            String rule, String pmsValue, String held, String winner) {
        String org = "rule-" + UUID.randomUUID();
        String key = workOrderWithPendingHubEdit(org, rule);

        pmsSendsStatus(org, key, pmsValue);

        await().atMost(TIMEOUT)
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.of("olivia", org, "viewer"))
                        .queryParam("entityType", "workorder")
                        .get("/api/v1/conflicts")
                        .then()
                        .body("find { it.entityKey == '" + key + "' }.rule", equalTo(rule))
                        .body("find { it.entityKey == '" + key + "' }.winner", equalTo(winner)));
        entity(org, key).then().body("fields.status.value", equalTo(held));
    }

    // ---------------------------------------------------------------------------------------------------------

    /** An organisation with the rule for work order status, and a work order whose status the hub edited. */
    private static String workOrderWithPendingHubEdit(String org, String rule) {
        put(org, null, null, document(List.of("notes"), rule)).then().statusCode(200);
        String key = workOrder(org, "c-rule", "Leaking faucet", "NEW", "2026-11-23T08:00:00Z");
        await().atMost(TIMEOUT).untilAsserted(() -> entity(org, key).then().statusCode(200));
        given().auth()
                .oauth2(TestTokens.of("olivia", org, "operator"))
                .contentType("application/json")
                .body(Map.of("fields", Map.of("status", "IN_PROGRESS")))
                .patch("/api/v1/entities/" + key)
                .then()
                .statusCode(200);
        return key;
    }

    /** The PMS's own later change of the status, before it has seen the hub's edit. */
    private static void pmsSendsStatus(String org, String key, String status) {
        workOrder(
                org,
                "c-rule",
                key,
                "Leaking faucet",
                status,
                Instant.now().plusSeconds(5).toString());
    }

    private static Map<String, Object> document(List<String> hub, String statusRule) {
        return Map.of(
                "entities",
                Map.of(
                        "workorder",
                        Map.of("hub", hub, "shared", List.of("status")),
                        "resident",
                        Map.of("hub", List.of("notes"), "shared", List.of("email", "phone"))),
                "rules",
                Map.of("workorder.status", statusRule),
                "defaultRule",
                "pms-wins");
    }

    private static Response put(String org, String connectionId, String ifMatch, Map<String, Object> document) {
        var request = given().auth()
                .oauth2(TestTokens.of("adam", org, "admin"))
                .contentType("application/json")
                .body(document);
        if (connectionId != null) {
            request = request.queryParam("connectionId", connectionId);
        }
        if (ifMatch != null) {
            request = request.header("If-Match", "\"" + ifMatch + "\"");
        }
        return request.put(POLICY);
    }

    private static Response read(String org, String connectionId) {
        var request = given().auth().oauth2(TestTokens.of("olivia", org, "viewer"));
        if (connectionId != null) {
            request = request.queryParam("connectionId", connectionId);
        }
        return request.get(POLICY);
    }

    private static Response entity(String org, String key) {
        return given().auth().oauth2(TestTokens.of("olivia", org, "viewer")).get("/api/v1/entities/" + key);
    }

    private static String workOrder(String org, String connectionId, String title, String status, String version) {
        return workOrder(org, connectionId, null, title, status, version);
    }

    private static String workOrder(
            String org, String connectionId, String key, String title, String status, String version) {
        String id = key == null ? UUID.randomUUID().toString() : key.substring(key.lastIndexOf(':') + 1);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("title", title);
        data.put("status", status);
        writer.send(TestChanges.of(org, connectionId, EntityType.WORKORDER, id, Op.UPDATE, version, data));
        return "workorder:" + connectionId + ":" + id;
    }
}
