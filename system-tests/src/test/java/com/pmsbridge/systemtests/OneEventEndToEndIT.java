package com.pmsbridge.systemtests;

import com.pmsbridge.testsupport.KafkaTopics;
import com.pmsbridge.testsupport.TestInfrastructure;
import com.pmsbridge.testsupport.TestOidcServer;
import com.pmsbridge.testsupport.TestTokens;
import com.pmsbridge.testsupport.TestWebhooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static TestOidcServer oidc;
    private static ServiceProcess connector;
    private static ServiceProcess sync;
    private static ServiceProcess queue;
    private static ServiceProcess gateway;

    @BeforeAll
    static void startSystem() {
        KafkaTopics.createContractTopics(TestInfrastructure.kafkaBootstrapServers());
        oidc = TestOidcServer.start();
        connector = ServiceProcess.start("connector-service", backendEnv("connector_test", Map.of(
                "CONNECTOR_DEMO_ENABLED", "true")));
        sync = ServiceProcess.start("sync-service", backendEnv("sync_test", Map.of(
                "MP_MESSAGING_INCOMING_CHANGE_EVENTS_GROUP_ID", "sync-service-e2e")));
        queue = ServiceProcess.start("queue-service", backendEnv("queue_test", Map.of(
                "MP_MESSAGING_INCOMING_DOMAIN_EVENTS_GROUP_ID", "queue-service-e2e")));
        for (ServiceProcess backend : List.of(connector, sync, queue)) {
            backend.awaitReady();
        }
        Map<String, String> gatewayEnv = new HashMap<>();
        gatewayEnv.put("QUARKUS_OIDC_AUTH_SERVER_URL", oidc.issuer());
        gatewayEnv.put("GATEWAY_ROUTES_WEBHOOKS_TARGET_URL", connector.baseUrl());
        gatewayEnv.put("GATEWAY_ROUTES_CONNECTIONS_TARGET_URL", connector.baseUrl());
        gatewayEnv.put("GATEWAY_ROUTES_ENTITIES_TARGET_URL", sync.baseUrl());
        gatewayEnv.put("GATEWAY_ROUTES_CONFLICTS_TARGET_URL", sync.baseUrl());
        gatewayEnv.put("GATEWAY_ROUTES_QUEUE_TARGET_URL", queue.baseUrl());
        gateway = ServiceProcess.start("api-gateway", gatewayEnv);
        gateway.awaitReady();
    }

    @AfterAll
    static void stopSystem() {
        for (ServiceProcess process : new ServiceProcess[]{gateway, queue, sync, connector}) {
            if (process != null) {
                process.close();
            }
        }
        if (oidc != null) {
            oidc.close();
        }
    }

    @Test
    void givenSignedLeaseWebhook_whenSentToGateway_thenPendingLeaseCreationVisibleToAcmeOnly() {
        // given
        String leaseId = "L-" + UUID.randomUUID();
        String body = TestWebhooks.leaseBody("evt-" + UUID.randomUUID(), "c", leaseId, "FUTURE", "2026-11-23T08:00:00Z");
        String timestamp = TestWebhooks.nowSeconds();

        // when
        given().baseUri(gateway.baseUrl()).contentType("application/json")
                .header("X-PMS-Timestamp", timestamp)
                .header("X-PMS-Signature", TestWebhooks.genericSignature(TestWebhooks.DEMO_SECRET, timestamp, body))
                .body(body)
                .post("/webhooks/demo-generic")
                .then().statusCode(202);

        // then
        String entityKey = "lease:demo-generic:" + leaseId;
        String mine = "findAll { it.entityKey == '" + entityKey + "' }";
        String acme = TestTokens.of("olivia", "acme", "operator", "viewer");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(gateway.baseUrl()).auth().oauth2(acme).queryParam("status", "PENDING")
                        .get("/api/v1/queue/items")
                        .then().statusCode(200).body(mine, hasSize(1))
                        .body("find { it.entityKey == '" + entityKey + "' }.type", equalTo("LEASE_CREATION"))
                        .body("find { it.entityKey == '" + entityKey + "' }.status", equalTo("PENDING")));
        given().baseUri(gateway.baseUrl()).auth().oauth2(TestTokens.of("victor", "globex", "viewer"))
                .queryParam("status", "PENDING").get("/api/v1/queue/items")
                .then().statusCode(200).body(mine, empty());
    }

    @Test
    void givenNoToken_whenCallingApiThroughGateway_thenUnauthorized() {
        given().baseUri(gateway.baseUrl()).get("/api/v1/queue/items").then().statusCode(401);
    }

    @Test
    void givenBadSignature_whenSentToGateway_thenConnectorsRejectionIsRelayed() {
        given().baseUri(gateway.baseUrl()).contentType("application/json")
                .header("X-PMS-Timestamp", TestWebhooks.nowSeconds())
                .header("X-PMS-Signature", "sha256=00")
                .body("{}")
                .post("/webhooks/demo-generic")
                .then().statusCode(401).contentType(containsString("application/problem+json"));
    }

    @Test
    void givenRunningServices_whenProbed_thenHealthAndMetricsAreOpen() {
        for (ServiceProcess service : List.of(connector, sync, queue, gateway)) {
            given().baseUri(service.baseUrl()).get("/q/health/live").then().statusCode(200);
            given().baseUri(service.baseUrl()).get("/q/health/ready").then().statusCode(200);
            given().baseUri(service.baseUrl()).get("/q/metrics").then().statusCode(200)
                    .body(containsString("jvm_memory_used_bytes"));
        }
    }

    private static Map<String, String> backendEnv(String database, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", TestInfrastructure.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", TestInfrastructure.dbUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", TestInfrastructure.dbPassword());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", oidc.issuer());
        return env;
    }
}
