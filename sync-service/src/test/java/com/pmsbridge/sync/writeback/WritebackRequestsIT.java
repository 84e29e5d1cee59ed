package com.pmsbridge.sync.writeback;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.WritebackCommand;
import com.pmsbridge.contract.event.WritebackResult;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestKafkaReader;
import com.pmsbridge.testsupport.TestKafkaWriter;
import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** An operator's write-back: one command per idempotency key, and the PMS's outcome on the request. */
@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "sync_test"))
class WritebackRequestsIT {
    private static final String WRITEBACKS = "/api/v1/entities/_writebacks";
    private static final String OPERATOR = TestTokens.of("olivia", "acme", "operator");
    private static final Map<String, Object> WORK_ORDER = Map.of(
            "type", "CREATE_WORK_ORDER",
            "connectionId", "conn-wb",
            "fields", Map.of("unitId", "101", "title", "Broken heater", "vendorId", "7", "assignedToUserId", "1"));

    @Test
    void givenTheSameIdempotencyKeyTwice_whenRequested_thenOneCommandAndTheOutcomeOnTheRequest() throws Exception {
        String key = "key-" + UUID.randomUUID();
        try (TestKafkaReader commands = new TestKafkaReader(Topics.WRITEBACK_COMMANDS);
                TestKafkaWriter writer = new TestKafkaWriter()) {
            String id = create(key, WORK_ORDER)
                    .then()
                    .statusCode(202)
                    .body("status", equalTo("PENDING"))
                    .body("requestedBy", equalTo("olivia"))
                    .extract()
                    .path("id");
            create(key, WORK_ORDER).then().statusCode(202).body("id", equalTo(id));

            List<WritebackCommand> sent = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> commands.matching(r -> r.value().contains(id)).stream()
                                    .map(r -> read(r.value(), WritebackCommand.class))
                                    .toList(),
                            l -> !l.isEmpty());
            assertThat(sent).singleElement().satisfies(command -> {
                assertThat(command.type()).isEqualTo(WritebackCommand.Type.CREATE_WORK_ORDER);
                assertThat(command.org()).isEqualTo("acme");
                assertThat(command.fields()).containsEntry("title", "Broken heater");
            });

            writer.sendRaw(
                    Topics.WRITEBACK_RESULTS,
                    sent.getFirst().entityKey(),
                    ContractJson.mapper()
                            .writeValueAsString(new WritebackResult(
                                    WritebackResult.SCHEMA_VERSION,
                                    id,
                                    WritebackCommand.Type.CREATE_WORK_ORDER,
                                    "acme",
                                    "conn-wb",
                                    sent.getFirst().entityKey(),
                                    WritebackResult.Status.SUCCEEDED,
                                    "4711",
                                    null,
                                    1,
                                    Instant.now())));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().auth()
                            .oauth2(TestTokens.of("olivia", "acme", "viewer"))
                            .get(WRITEBACKS + "/" + id)
                            .then()
                            .body("status", equalTo("SUCCEEDED"))
                            .body("externalId", equalTo("4711")));
            given().auth()
                    .oauth2(TestTokens.of("victor", "globex", "viewer"))
                    .get(WRITEBACKS + "/" + id)
                    .then()
                    .statusCode(404);
        }
    }

    @Test
    void givenMissingKeyAnUpdateTypeOrAViewer_whenRequested_then400Or403() {
        given().auth()
                .oauth2(OPERATOR)
                .contentType("application/json")
                .body(WORK_ORDER)
                .post(WRITEBACKS)
                .then()
                .statusCode(400)
                .body("detail", containsString("Idempotency-Key"));
        create(
                        "k-" + UUID.randomUUID(),
                        Map.of(
                                "type",
                                "UPDATE_RESIDENT_CONTACT",
                                "connectionId",
                                "c",
                                "fields",
                                Map.of("email", "x@example.com")))
                .then()
                .statusCode(400)
                .body("detail", containsString("'type'"));
        given().auth()
                .oauth2(TestTokens.of("olivia", "acme", "viewer"))
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json")
                .body(WORK_ORDER)
                .post(WRITEBACKS)
                .then()
                .statusCode(403);
    }

    private static Response create(String key, Map<String, Object> body) {
        return given().auth()
                .oauth2(OPERATOR)
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(body)
                .post(WRITEBACKS);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return ContractJson.mapper().readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
