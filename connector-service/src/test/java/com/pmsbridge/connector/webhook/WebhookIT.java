package com.pmsbridge.connector.webhook;

import com.pmsbridge.contract.CloudEventHeaders;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestKafkaReader;
import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestTokens;
import com.pmsbridge.testsupport.TestWebhooks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        initArgs = @ResourceArg(name = "database", value = "connector_test"))
class WebhookIT {
    private static final String PATH = "/webhooks/demo-generic";
    private static TestKafkaReader leaseChanges;

    @Inject
    WebhookRejections rejections;

    @BeforeAll
    static void openReader() {
        leaseChanges = new TestKafkaReader("pms.lease.changes.v1");
    }

    @AfterAll
    static void closeReader() {
        leaseChanges.close();
    }

    @Test
    void givenValidSignature_whenPosted_thenAcceptedAndCloudEventOnLeaseTopic() throws Exception {
        // given
        String leaseId = "L-" + UUID.randomUUID();
        String body =
                TestWebhooks.leaseBody("evt-" + UUID.randomUUID(), "c", leaseId, "FUTURE", "2026-11-23T08:00:00Z");

        // when
        send(body, TestWebhooks.DEMO_SECRET, TestWebhooks.nowSeconds())
                .then()
                .statusCode(202)
                .body("status", equalTo("accepted"));

        // then: the record is on the topic (it was acknowledged by Kafka before the 202)
        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(10))
                .until(() -> leaseChanges.withKey("lease:demo-generic:" + leaseId), list -> !list.isEmpty());
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.getFirst();
        ChangeEvent event = ContractJson.mapper().readValue(record.value(), ChangeEvent.class);
        assertThat(event.org()).isEqualTo("acme");
        assertThat(event.op()).isEqualTo(Op.CREATE);
        assertThat(event.data()).containsEntry("status", "FUTURE").containsEntry("rent", "1450.00");
        assertThat(CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID))
                .isEqualTo(event.eventId());
        assertThat(CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE))
                .isEqualTo("com.pmsbridge.lease.changed.v1");
        assertThat(CloudEventHeaders.get(record.headers(), CloudEventHeaders.SUBJECT))
                .isEqualTo(record.key());
        assertThat(CloudEventHeaders.get(record.headers(), CloudEventHeaders.ORG))
                .isEqualTo("acme");
    }

    @Test
    void givenSameDeliveryTwice_whenPosted_thenSecondIsAcceptedWithoutSecondEvent() {
        // given
        String leaseId = "L-" + UUID.randomUUID();
        String body =
                TestWebhooks.leaseBody("evt-" + UUID.randomUUID(), "u", leaseId, "CURRENT", "2026-11-23T09:00:00Z");
        String timestamp = TestWebhooks.nowSeconds();

        // when
        send(body, TestWebhooks.DEMO_SECRET, timestamp).then().statusCode(202).body("status", equalTo("accepted"));
        send(body, TestWebhooks.DEMO_SECRET, timestamp).then().statusCode(202).body("status", equalTo("duplicate"));

        // then
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(leaseChanges.withKey("lease:demo-generic:" + leaseId))
                        .hasSize(1));
    }

    @Test
    void givenWrongSecret_whenPosted_thenUnauthorized() {
        String body = TestWebhooks.leaseBody("evt-1", "c", "L-wrong-secret", "FUTURE", "2026-11-23T08:00:00Z");
        send(body, "not-the-secret", TestWebhooks.nowSeconds())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("signature"));
    }

    @Test
    void givenBadlySignedDeliveries_whenCountsAreFlushed_thenTheConnectionShowsThemByReason() {
        rejections.flush();
        long before = rejectedSignatures();
        String body = TestWebhooks.leaseBody("evt-r", "c", "L-rejected", "FUTURE", "2026-11-23T08:00:00Z");
        send(body, "not-the-secret", TestWebhooks.nowSeconds()).then().statusCode(401);
        send(body, "still-not-the-secret", TestWebhooks.nowSeconds()).then().statusCode(401);

        rejections.flush();

        assertThat(rejectedSignatures()).isEqualTo(before + 2);
    }

    private static long rejectedSignatures() {
        Number count = given().auth()
                .oauth2(TestTokens.of("olivia", "acme", "viewer"))
                .get("/api/v1/connections/demo-generic")
                .then()
                .statusCode(200)
                .extract()
                .path("webhooksRejectedLastDay.signature_invalid");
        return count == null ? 0 : count.longValue();
    }

    @Test
    void givenAlteredBody_whenPosted_thenUnauthorized() {
        String body = TestWebhooks.leaseBody("evt-2", "c", "L-altered", "FUTURE", "2026-11-23T08:00:00Z");
        String timestamp = TestWebhooks.nowSeconds();
        given().contentType("application/json")
                .header("X-PMS-Timestamp", timestamp)
                .header("X-PMS-Signature", TestWebhooks.genericSignature(TestWebhooks.DEMO_SECRET, timestamp, body))
                .body(body.replace("1450.00", "1.00"))
                .post(PATH)
                .then()
                .statusCode(401);
    }

    @Test
    void givenStaleTimestamp_whenPosted_thenUnauthorizedNamingTheWindow() {
        String body = TestWebhooks.leaseBody("evt-3", "c", "L-stale", "FUTURE", "2026-11-23T08:00:00Z");
        String tenMinutesAgo = Long.toString(Instant.now().minusSeconds(600).getEpochSecond());
        send(body, TestWebhooks.DEMO_SECRET, tenMinutesAgo)
                .then()
                .statusCode(401)
                .body("detail", containsString("window"));
    }

    @Test
    void givenNoSignature_whenPosted_thenUnauthorized() {
        given().contentType("application/json")
                .header("X-PMS-Timestamp", TestWebhooks.nowSeconds())
                .body("{}")
                .post(PATH)
                .then()
                .statusCode(401)
                .body("detail", containsString("X-PMS-Signature"));
    }

    @Test
    void givenUnknownConnection_whenPosted_thenTheSameAnswerAsAWrongSignature() {
        String body = TestWebhooks.leaseBody("evt-3", "c", "L-unknown", "FUTURE", "2026-11-23T08:00:00Z");
        String timestamp = TestWebhooks.nowSeconds();
        var unknown = given().contentType("application/json")
                .header("X-PMS-Timestamp", timestamp)
                .header("X-PMS-Signature", TestWebhooks.genericSignature("guess", timestamp, body))
                .body(body)
                .post("/webhooks/no-such-connection");
        var wrongSecret = send(body, "guess", timestamp);

        unknown.then().statusCode(401).contentType("application/problem+json");
        assertThat(unknown.statusCode()).isEqualTo(wrongSecret.statusCode());
        assertThat(unknown.jsonPath().getString("detail"))
                .isEqualTo(wrongSecret.jsonPath().getString("detail"));
        assertThat(unknown.jsonPath().getString("type"))
                .isEqualTo(wrongSecret.jsonPath().getString("type"));
    }

    @Test
    void givenEntityIdOf201Characters_whenPosted_thenBadRequestNamingTheLimitAndNothingPublished() {
        String leaseId = "L".repeat(201);
        String body =
                TestWebhooks.leaseBody("evt-" + UUID.randomUUID(), "c", leaseId, "FUTURE", "2026-11-23T08:00:00Z");

        send(body, TestWebhooks.DEMO_SECRET, TestWebhooks.nowSeconds())
                .then()
                .statusCode(400)
                .body("detail", containsString("id_limit"))
                .body("detail", containsString("200"));
    }

    @Test
    void givenNulCharacterInAField_whenPosted_thenBadRequestNamingIt() {
        String body = TestWebhooks.leaseBody("evt-" + UUID.randomUUID(), "c", "L-nul", "FUTURE", "2026-11-23T08:00:00Z")
                .replace("\"P-100\"", "\"P-\\u0000\"");

        send(body, TestWebhooks.DEMO_SECRET, TestWebhooks.nowSeconds())
                .then()
                .statusCode(400)
                .body("detail", containsString("U+0000"));
    }

    @Test
    void givenUpdateTimeFarInTheFuture_whenPosted_thenBadRequestSoItCannotWinEveryLaterConflict() {
        String body =
                TestWebhooks.leaseBody("evt-" + UUID.randomUUID(), "u", "L-future", "CURRENT", "9999-12-31T23:59:59Z");

        send(body, TestWebhooks.DEMO_SECRET, TestWebhooks.nowSeconds())
                .then()
                .statusCode(400)
                .body("detail", containsString("ahead of the receiver's clock"));
    }

    @Test
    void givenTimestampOfTheLargestLong_whenPosted_thenUnauthorizedNotAServerError() {
        String body = TestWebhooks.leaseBody("evt-" + UUID.randomUUID(), "c", "L-ts", "FUTURE", "2026-11-23T08:00:00Z");

        send(body, TestWebhooks.DEMO_SECRET, "9223372036854775807")
                .then()
                .statusCode(401)
                .body("detail", containsString("window"));
    }

    @Test
    void givenMalformedJson_whenPosted_thenBadRequestNamingTheProblem() {
        send("{\"entityType\": \"lease\", ", TestWebhooks.DEMO_SECRET, TestWebhooks.nowSeconds())
                .then()
                .statusCode(400)
                .body("detail", containsString("malformed JSON"));
    }

    @Test
    void givenEntityWithoutId_whenPosted_thenBadRequestNamingTheField() {
        String body =
                "{\"entityType\":\"lease\",\"op\":\"c\",\"updatedAt\":\"2026-11-23T08:00:00Z\",\"entity\":{\"rent\":\"1\"}}";
        send(body, TestWebhooks.DEMO_SECRET, TestWebhooks.nowSeconds())
                .then()
                .statusCode(400)
                .body("detail", containsString("entity.id"));
    }

    @Test
    void givenUnknownEntityType_whenPosted_thenBadRequestNamingTheValue() {
        String body =
                "{\"entityType\":\"spaceship\",\"op\":\"c\",\"updatedAt\":\"2026-11-23T08:00:00Z\",\"entity\":{\"id\":\"1\"}}";
        send(body, TestWebhooks.DEMO_SECRET, TestWebhooks.nowSeconds())
                .then()
                .statusCode(400)
                .body("detail", containsString("spaceship"));
    }

    @Test
    void givenBodyOver256KB_whenPosted_thenPayloadTooLarge() {
        String body = "{\"pad\":\"" + "x".repeat(300 * 1024) + "\"}";
        send(body, TestWebhooks.DEMO_SECRET, TestWebhooks.nowSeconds()).then().statusCode(413);
    }

    private static Response send(String body, String secret, String timestamp) {
        return given().contentType("application/json")
                .header("X-PMS-Timestamp", timestamp)
                .header("X-PMS-Signature", TestWebhooks.genericSignature(secret, timestamp, body))
                .body(body)
                .post(PATH);
    }
}
