package com.pmsbridge.sync.hubedit;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.contract.event.WritebackCommand;
import com.pmsbridge.contract.event.WritebackResult;
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
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "sync_test"))
class TwoWaySyncIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
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
    void givenPmsOwnedField_whenHubEdits_thenConflictStatusNamingFieldAndOwner() {
        String key = workOrder("NEW", "2026-11-23T08:00:00Z");
        edit(key, Map.of("title", "Something else"))
                .then()
                .statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("'title'"))
                .body("detail", containsString("owned by the PMS"));
    }

    @Test
    void givenHubEditOfSharedStatus_whenPmsEchoesIt_thenWrittenBackAndConfirmedWithoutConflict() throws Exception {
        // given
        String key = workOrder("NEW", "2026-11-23T08:00:00Z");

        // when
        edit(key, Map.of("status", "IN_PROGRESS", "notes", "vendor called"))
                .then()
                .statusCode(200)
                .body("fields.status.source", equalTo("hub"))
                .body("fields.status.pendingWriteBack", equalTo(true))
                .body("fields.notes.pendingWriteBack", equalTo(false));

        // then: one write-back command, and the PMS's echo confirms it
        WritebackCommand command =
                await().atMost(TIMEOUT).until(() -> commands.withKey(key), l -> !l.isEmpty()).stream()
                        .map(r -> read(r.value(), WritebackCommand.class))
                        .findFirst()
                        .orElseThrow();
        assertThat(command.type()).isEqualTo(WritebackCommand.Type.UPDATE_WORK_ORDER_STATUS);
        assertThat(command.fields()).containsEntry("status", "IN_PROGRESS").doesNotContainKey("notes");
        writer.send(change(key, "IN_PROGRESS", Instant.now().toString()));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> entity(key)
                        .then()
                        .body("fields.status.value", equalTo("IN_PROGRESS"))
                        .body("fields.status.pendingWriteBack", equalTo(false)));
        assertThat(conflicts(key)).isEmpty();
        entity(key).then().body("fields.notes.value", equalTo("vendor called"));
    }

    @Test
    void givenPendingHubEdit_whenPmsSendsAnotherValue_thenPmsWinsAndTheHubValueIsKeptAsConflict() {
        // given
        String key = workOrder("NEW", "2026-11-23T08:00:00Z");
        edit(key, Map.of("status", "IN_PROGRESS")).then().statusCode(200);

        // when: the PMS changed the same field concurrently
        writer.send(change(key, "CANCELLED", Instant.now().toString()));

        // then
        await().atMost(TIMEOUT)
                .untilAsserted(() -> entity(key)
                        .then()
                        .body("fields.status.value", equalTo("CANCELLED"))
                        .body("fields.status.source", equalTo("pms")));
        assertThat(conflicts(key))
                .singleElement()
                .satisfies(c -> assertThat(c)
                        .containsEntry("field", "status")
                        .containsEntry("hubValue", "IN_PROGRESS")
                        .containsEntry("pmsValue", "CANCELLED")
                        .containsEntry("rule", "pms-wins")
                        .containsEntry("winner", "pms"));
    }

    @Test
    void givenRejectedWriteBack_whenResultArrives_thenOpenConflict() throws Exception {
        // given
        String key = workOrder("NEW", "2026-11-23T08:00:00Z");
        edit(key, Map.of("status", "COMPLETED")).then().statusCode(200);
        WritebackCommand command =
                await().atMost(TIMEOUT).until(() -> commands.withKey(key), l -> !l.isEmpty()).stream()
                        .map(r -> read(r.value(), WritebackCommand.class))
                        .findFirst()
                        .orElseThrow();

        // when
        WritebackResult rejected = new WritebackResult(
                WritebackResult.SCHEMA_VERSION,
                command.commandId(),
                command.type(),
                "acme",
                command.connectionId(),
                key,
                WritebackResult.Status.REJECTED,
                null,
                "HTTP 400 from PUT /v1/tasks",
                1,
                Instant.now());
        writer.sendRaw(Topics.WRITEBACK_RESULTS, key, ContractJson.mapper().writeValueAsString(rejected));

        // then
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(conflicts(key)).singleElement().satisfies(c -> {
                    assertThat(c).containsEntry("rule", "writeback-rejected");
                    assertThat((String) c.get("reason")).contains("HTTP 400");
                }));
        // the PMS's value is not known for a refused write-back: only the hub's or a typed one can end it
        String id = (String) conflicts(key).getFirst().get("id");
        resolve(id, Map.of("take", "pms")).then().statusCode(400).body("detail", containsString("not known"));
        resolve(id, Map.of("take", "value", "value", "IN_PROGRESS"))
                .then()
                .statusCode(200)
                .body("resolution", equalTo("value"));
        entity(key).then().body("fields.status.value", equalTo("IN_PROGRESS"));
    }

    @Test
    void givenChangesFromBothSides_whenReadingTheEntity_thenFieldSourcesAndHistoryShowThem() {
        String key = workOrder("NEW", "2026-11-23T08:00:00Z");
        edit(key, Map.of("notes", "keys at the front desk")).then().statusCode(200);

        entity(key).then().body("fields.title.source", equalTo("pms")).body("fields.notes.source", equalTo("hub"));
        given().auth()
                .oauth2(TestTokens.of("olivia", "acme", "viewer"))
                .get("/api/v1/entities/" + key + "/history")
                .then()
                .statusCode(200)
                .body("source", Matchers.contains("pms", "hub"))
                // who: the PMS kind for its change, the person's name for the edit; what: the new values
                .body("actor", Matchers.contains("generic", "olivia"))
                .body("[0].values.title", equalTo("Leaking faucet"))
                .body("[1].values", equalTo(Map.of("notes", "keys at the front desk")));
        // paged: after the first entry, one at a time; a page larger than 1000 is refused
        given().auth()
                .oauth2(TestTokens.of("olivia", "acme", "viewer"))
                .queryParam("afterSeq", 1)
                .queryParam("limit", 1)
                .get("/api/v1/entities/" + key + "/history")
                .then()
                .statusCode(200)
                .body("seq", Matchers.contains(2))
                .body("source", Matchers.contains("hub"));
        given().auth()
                .oauth2(TestTokens.of("olivia", "acme", "viewer"))
                .queryParam("limit", 1001)
                .get("/api/v1/entities/" + key + "/history")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(TestTokens.of("victor", "globex", "viewer"))
                .get("/api/v1/entities/" + key)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.of("victor", "acme", "viewer"))
                .contentType("application/json")
                .body(Map.of("fields", Map.of("notes", "x")))
                .patch("/api/v1/entities/" + key)
                .then()
                .statusCode(403);
    }

    private String workOrder(String status, String version) {
        String key = "workorder:conn-2w:" + UUID.randomUUID();
        writer.send(change(key, status, version));
        await().atMost(TIMEOUT).untilAsserted(() -> entity(key).then().statusCode(200));
        return key;
    }

    @Test
    void givenOpenConflict_whenAnOperatorTakesTheHubValue_thenTheEntityHasItWrittenBackAndTheConflictIsResolved() {
        String key = conflicted();
        String id = (String) conflicts(key).getFirst().get("id");

        resolve(id, Map.of("take", "hub"))
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolution", equalTo("hub"))
                .body("resolvedBy", equalTo("olivia"));

        entity(key)
                .then()
                .body("fields.status.value", equalTo("IN_PROGRESS"))
                .body("fields.status.source", equalTo("hub"));
        assertThat(conflicts(key)).isEmpty();
        // the first edit was written back once; taking its value again writes it back a second time
        List<WritebackCommand> written = await().atMost(TIMEOUT)
                .until(() -> commands.valuesWithKey(key, WritebackCommand.class), l -> l.size() == 2);
        assertThat(written.getLast().fields()).containsEntry("status", "IN_PROGRESS");
        given().auth()
                .oauth2(TestTokens.of("olivia", "acme", "viewer"))
                .get("/api/v1/entities/" + key + "/history")
                .then()
                .body("findAll { it.source == 'hub' }.size()", Matchers.greaterThanOrEqualTo(2));
        resolve(id, Map.of("take", "pms")).then().statusCode(409);
    }

    @Test
    void givenOpenConflict_whenTheTakenValueIsTheOneInPlace_thenNoEditAndTheConflictIsResolved() {
        String key = conflicted();
        String id = (String) conflicts(key).getFirst().get("id");

        resolve(id, Map.of("take", "pms")).then().statusCode(200).body("resolution", equalTo("pms"));

        entity(key)
                .then()
                .body("fields.status.value", equalTo("CANCELLED"))
                .body("fields.status.source", equalTo("pms"));
    }

    @Test
    void givenConflictOfAnotherOrganisationOrABadChoice_whenResolved_then404Or400() {
        String key = conflicted();
        String id = (String) conflicts(key).getFirst().get("id");

        given().auth()
                .oauth2(TestTokens.of("victor", "globex", "operator"))
                .contentType("application/json")
                .body(Map.of("take", "hub"))
                .post("/api/v1/conflicts/" + id + "/resolve")
                .then()
                .statusCode(404);
        resolve(id, Map.of("take", "mine")).then().statusCode(400).body("detail", containsString("'take'"));
        resolve(id, Map.of("take", "value")).then().statusCode(400).body("detail", containsString("'value'"));
        given().auth()
                .oauth2(TestTokens.of("olivia", "acme", "viewer"))
                .contentType("application/json")
                .body(Map.of("take", "hub"))
                .post("/api/v1/conflicts/" + id + "/resolve")
                .then()
                .statusCode(403);
    }

    /** A work order whose pending hub edit (IN_PROGRESS) lost to the PMS's CANCELLED: one open conflict. */
    private String conflicted() {
        String key = workOrder("NEW", "2026-11-23T08:00:00Z");
        edit(key, Map.of("status", "IN_PROGRESS")).then().statusCode(200);
        writer.send(change(key, "CANCELLED", Instant.now().toString()));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(conflicts(key)).hasSize(1));
        return key;
    }

    private static Response resolve(String id, Map<String, Object> body) {
        return given().auth()
                .oauth2(TestTokens.of("olivia", "acme", "operator"))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/conflicts/" + id + "/resolve");
    }

    private static ChangeEvent change(String key, String status, String version) {
        String id = key.substring(key.lastIndexOf(':') + 1);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("unitId", "U-1");
        data.put("title", "Leaking faucet");
        data.put("status", status);
        return TestChanges.of("acme", "conn-2w", EntityType.WORKORDER, id, Op.UPDATE, version, data);
    }

    private static Response edit(String key, Map<String, Object> fields) {
        return given().auth()
                .oauth2(TestTokens.of("olivia", "acme", "operator"))
                .contentType("application/json")
                .body(Map.of("fields", fields))
                .patch("/api/v1/entities/" + key);
    }

    private static Response entity(String key) {
        return given().auth().oauth2(TestTokens.of("olivia", "acme", "viewer")).get("/api/v1/entities/" + key);
    }

    /** The open conflicts of one entity. */
    private static List<Map<String, Object>> conflicts(String key) {
        return given().auth()
                .oauth2(TestTokens.of("olivia", "acme", "viewer"))
                .queryParam("entityType", "workorder")
                .queryParam("limit", 500)
                .get("/api/v1/conflicts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.entityKey == '" + key + "' }");
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return ContractJson.mapper().readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
