package com.pmsbridge.systemtests;

import com.pmsbridge.simulator.PmsSimulator;
import com.pmsbridge.simulator.SimulatorConfig;
import com.pmsbridge.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A simulated Buildium account through the whole system: a Sync sets state without raising a single queue item or
 * log entry, and a move-in announced by a signed thin webhook then appears as a MOVE_IN item.
 */
class BuildiumToQueueIT {
    private static final String CONNECTION =
            "sim-" + UUID.randomUUID().toString().substring(0, 8);
    private static PmsSimulator simulator;

    @BeforeAll
    static void start() {
        RunningSystem.start();
        simulator = PmsSimulator.start(SimulatorConfig.defaults()
                .withPortfolio(3, 5)
                .withWebhooks(RunningSystem.gateway() + "/webhooks/" + CONNECTION, 0, 0, 0));
        given().baseUri(RunningSystem.gateway())
                .auth()
                .oauth2(TestTokens.of("adam", "acme", "admin"))
                .contentType("application/json")
                .body(Map.of("id", CONNECTION, "pmsType", "buildium", "apiBaseUrl", simulator.baseUrl()))
                .post("/api/v1/connections")
                .then()
                .statusCode(201);
        given().baseUri(RunningSystem.gateway())
                .auth()
                .oauth2(TestTokens.of("adam", "acme", "admin"))
                .contentType("application/json")
                .body(Map.of("credential", "sim-client:sim-secret", "webhookSecret", "sim-webhook-secret"))
                .put("/api/v1/connections/" + CONNECTION + "/credentials")
                .then()
                .statusCode(200);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void givenSync_whenCompleted_thenStateButNoItemAndNoLogEntry_andALaterMoveInBecomesAnItem() {
        // given
        String operator = TestTokens.of("olivia", "acme", "operator");
        String runId = given().baseUri(RunningSystem.gateway())
                .auth()
                .oauth2(operator)
                .post("/api/v1/connections/" + CONNECTION + "/sync")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        // when: the Sync completes and everything it emitted has been projected
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().baseUri(RunningSystem.gateway())
                        .auth()
                        .oauth2(operator)
                        .get("/api/v1/connections/" + CONNECTION + "/sync-runs/" + runId)
                        .then()
                        .body("status", equalTo("COMPLETED")));

        // then: no item and no log entry came from it
        assertThat(itemTypes(operator)).isEmpty();
        assertThat(given().baseUri(RunningSystem.gateway())
                        .auth()
                        .oauth2(operator)
                        .get("/api/v1/queue/log?limit=1000")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("findAll { it.connectionId == '" + CONNECTION + "' }"))
                .isEmpty();

        // and when the PMS moves a resident in, its signed webhook makes a MOVE_IN item
        assertThat(simulator.engine().moveIn()).isEqualTo("Lease.Updated");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(itemTypes(operator)).contains("MOVE_IN"));
        // the move-in was projected after every snapshot of the Sync: one item, carrying the lease's change
        assertThat(itemTypes(operator)).containsExactly("MOVE_IN");

        // and applying it through the gateway from four threads at once applies it once, logged and audited
        String moveIn = given().baseUri(RunningSystem.gateway())
                .auth()
                .oauth2(operator)
                .queryParam("connectionId", CONNECTION)
                .queryParam("type", "MOVE_IN")
                .get("/api/v1/queue/items")
                .then()
                .extract()
                .path("[0].id");
        ExecutorService clicks = Executors.newFixedThreadPool(4);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(clicks.submit(() -> given().baseUri(RunningSystem.gateway())
                    .auth()
                    .oauth2(operator)
                    .post("/api/v1/queue/items/" + moveIn + "/apply")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("status")));
        }
        for (Future<String> answer : answers) {
            assertThat(answer).succeedsWithin(Duration.ofSeconds(30)).isEqualTo("APPLIED");
        }
        clicks.shutdown();
        assertThat(given().baseUri(RunningSystem.gateway())
                        .auth()
                        .oauth2(operator)
                        .get("/api/v1/queue/log?limit=1000")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("findAll { it.itemId == '" + moveIn + "' && it.outcome == 'APPLIED' }"))
                .hasSize(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(RunningSystem.log("api-gateway"))
                        .contains("subject=olivia org=acme method=POST route=/api/v1/queue/items/" + moveIn
                                + "/apply status=200")
                        .doesNotContain("@example.com"));
    }

    private static List<String> itemTypes(String token) {
        return given().baseUri(RunningSystem.gateway())
                .auth()
                .oauth2(token)
                .queryParam("connectionId", CONNECTION)
                .queryParam("limit", 500)
                .get("/api/v1/queue/items")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("type", String.class);
    }
}
