package com.pmsbridge.connector.adapter.appfolio;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.simulator.PmsSimulator;
import com.pmsbridge.simulator.SimulatorConfig;
import com.pmsbridge.simulator.appfolio.AppFolioKeys;
import com.pmsbridge.simulator.portfolio.Kind;
import com.pmsbridge.simulator.portfolio.Portfolio;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestKafkaReader;
import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
class AppFolioIT {
    private static PmsSimulator simulator;
    private static TestKafkaReader workOrders;
    private String connectionId;

    @BeforeAll
    static void start() {
        simulator = PmsSimulator.start(SimulatorConfig.defaults().withPortfolio(2, 4));
        workOrders = new TestKafkaReader(Topics.changes(EntityType.WORKORDER));
        simulator.engine().newWorkOrderForTests();
    }

    @AfterAll
    static void stop() {
        simulator.close();
        workOrders.close();
    }

    @BeforeEach
    void createConnection() {
        connectionId = "af-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("id", connectionId);
        body.put("pmsType", "appfolio");
        body.put("apiBaseUrl", simulator.baseUrl() + "/appfolio");
        body.put("webhookIssuerUrl", simulator.appFolioIssuer());
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
                .body(Map.of("credential", "sim-client:sim-secret"))
                .put("/api/v1/connections/" + connectionId + "/credentials")
                .then()
                .statusCode(200);
    }

    @Test
    void givenSignedEvent_whenPosted_thenWorkOrderReadAndEmitted() throws Exception {
        // given
        Portfolio.Record workOrder =
                simulator.portfolio().pick(Kind.WORK_ORDER, w -> true).orElseThrow();
        String body = simulator.appFolioWebhooks().event("work_order_updates", Long.toString(workOrder.id()));

        // when
        post(body, simulator.appFolioKeys().sign(body)).then().statusCode(202);

        // then
        String key = "workorder:" + connectionId + ":" + workOrder.id();
        List<ChangeEvent> events = await().atMost(Duration.ofSeconds(30)).until(() -> events(key), l -> !l.isEmpty());
        assertThat(events.getFirst().data())
                .containsEntry("title", workOrder.body().get("Title"))
                .containsEntry("status", "NEW");
        assertThat(events.getFirst().pmsType()).isEqualTo("appfolio");
    }

    @Test
    void givenKeyNotInJwks_whenPosted_thenUnauthorized() {
        String body = simulator.appFolioWebhooks().event("work_order_updates", "1");
        post(body, AppFolioKeys.signWithForeignKey(body)).then().statusCode(401);
    }

    @Test
    void givenAlteredBody_whenPosted_thenUnauthorized() {
        String body = simulator.appFolioWebhooks().event("work_order_updates", "1");
        post(
                        body.replace("\"entity_id\":\"1\"", "\"entity_id\":\"2\""),
                        simulator.appFolioKeys().sign(body))
                .then()
                .statusCode(401);
    }

    @Test
    void givenEventSignedByTheSharedIssuerForAnotherClient_whenReplayedToThisConnection_thenUnauthorized() {
        // AppFolio signs every customer's events with one key: the client id binds an event to its connection
        String body = "{\"client_id\":\"another-customer\",\"id\":\"" + UUID.randomUUID()
                + "\",\"topic\":\"work_order_updates\","
                + "\"entity_id\":\"1\",\"update_timestamp\":\"2026-01-01T00:00:00Z\",\"message_sent_at\":\""
                + Instant.now() + "\"}";

        post(body, simulator.appFolioKeys().sign(body)).then().statusCode(401);
    }

    @Test
    void givenStaleMessageSentAt_whenPosted_thenUnauthorized() {
        String body =
                "{\"client_id\":\"sim-client\",\"id\":\"" + UUID.randomUUID() + "\",\"topic\":\"work_order_updates\","
                        + "\"entity_id\":\"1\",\"update_timestamp\":\"2026-01-01T00:00:00Z\",\"message_sent_at\":\""
                        + Instant.now().minusSeconds(3600) + "\"}";
        post(body, simulator.appFolioKeys().sign(body)).then().statusCode(401);
    }

    @Test
    void givenRotatedKey_whenPosted_thenJwksRefreshedAndAccepted() {
        // given: the connector has cached the current key
        String first = simulator.appFolioWebhooks().event("unit_updates", "1");
        post(first, simulator.appFolioKeys().sign(first)).then().statusCode(202);

        // when: AppFolio rotates and retires the old key
        simulator.appFolioKeys().rotate();
        simulator.appFolioKeys().retireOldKeys();
        String second = simulator.appFolioWebhooks().event("unit_updates", "1");

        // then
        post(second, simulator.appFolioKeys().sign(second)).then().statusCode(202);
    }

    private Response post(String body, String signature) {
        return given().contentType("application/json")
                .header("X-JWS-Signature", signature)
                .body(body)
                .post("/webhooks/" + connectionId);
    }

    private static List<ChangeEvent> events(String key) {
        return workOrders.withKey(key).stream()
                .map(r -> {
                    try {
                        return ContractJson.mapper().readValue(r.value(), ChangeEvent.class);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
