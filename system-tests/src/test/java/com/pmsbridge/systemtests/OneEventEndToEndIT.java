package com.pmsbridge.systemtests;

import com.pmsbridge.testsupport.TestTokens;
import com.pmsbridge.testsupport.TestWebhooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The foundation's proof: one signed lease webhook travels gateway → connector → Kafka → sync (PostgreSQL) → Kafka →
 * queue (PostgreSQL) → gateway, through the four packaged services running as separate processes against the real
 * broker and database, with tokens verified against an OIDC provider's discovery document and JWKS.
 */
class OneEventEndToEndIT {

    @BeforeAll
    static void system() {
        RunningSystem.start();
    }

    @Test
    void givenSignedLeaseWebhook_whenSentToGateway_thenPendingLeaseCreationVisibleToAcmeOnly() {
        // given
        String leaseId = "L-" + UUID.randomUUID();
        String body =
                TestWebhooks.leaseBody("evt-" + UUID.randomUUID(), "c", leaseId, "FUTURE", "2026-11-23T08:00:00Z");
        String timestamp = TestWebhooks.nowSeconds();

        // when
        given().baseUri(RunningSystem.gateway())
                .contentType("application/json")
                .header("X-PMS-Timestamp", timestamp)
                .header("X-PMS-Signature", TestWebhooks.genericSignature(TestWebhooks.DEMO_SECRET, timestamp, body))
                .body(body)
                .post("/webhooks/demo-generic")
                .then()
                .statusCode(202);

        // then
        String entityKey = "lease:demo-generic:" + leaseId;
        String mine = "findAll { it.entityKey == '" + entityKey + "' }";
        String acme = TestTokens.of("olivia", "acme", "operator", "viewer");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().baseUri(RunningSystem.gateway())
                        .auth()
                        .oauth2(acme)
                        .queryParam("status", "PENDING")
                        .get("/api/v1/queue/items")
                        .then()
                        .statusCode(200)
                        .body(mine, hasSize(1))
                        .body("find { it.entityKey == '" + entityKey + "' }.type", equalTo("LEASE_CREATION"))
                        .body("find { it.entityKey == '" + entityKey + "' }.status", equalTo("PENDING")));
        given().baseUri(RunningSystem.gateway())
                .auth()
                .oauth2(TestTokens.of("victor", "globex", "viewer"))
                .queryParam("status", "PENDING")
                .get("/api/v1/queue/items")
                .then()
                .statusCode(200)
                .body(mine, empty());
    }

    @Test
    void givenBadSignature_whenSentToGateway_thenConnectorsRejectionIsRelayed() {
        given().baseUri(RunningSystem.gateway())
                .contentType("application/json")
                .header("X-PMS-Timestamp", TestWebhooks.nowSeconds())
                .header("X-PMS-Signature", "sha256=00")
                .body("{}")
                .post("/webhooks/demo-generic")
                .then()
                .statusCode(401)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void givenRunningServices_whenProbed_thenHealthAndMetricsAreOpenOnTheManagementPortOnly() {
        for (ServiceProcess service : RunningSystem.services()) {
            given().baseUri(service.managementUrl())
                    .get("/q/health/live")
                    .then()
                    .statusCode(200);
            given().baseUri(service.managementUrl())
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200);
            given().baseUri(service.managementUrl())
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(containsString("jvm_memory_used_bytes"));
            // the API port (the gateway's is the public one) serves neither
            given().baseUri(service.baseUrl()).get("/q/metrics").then().statusCode(404);
            given().baseUri(service.baseUrl()).get("/q/health/ready").then().statusCode(404);
        }
    }
}
