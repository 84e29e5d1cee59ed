package com.pmsbridge.connector.webhook;

import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestWebhooks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** The broker cannot take the change: the PMS is told to retry (503 with Retry-After), and nothing is recorded. */
@QuarkusTest
@TestProfile(WebhookBrokerDownIT.BrokerUnreachable.class)
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "connector_test"))
class WebhookBrokerDownIT {
    /** Change events go to a port where no broker listens. */
    public static class BrokerUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.change-events.bootstrap.servers", "127.0.0.1:9");
        }
    }

    @Test
    void givenTheBrokerUnreachable_whenAWebhookArrives_then503WithRetryAfterAndTheRetryIsNotADuplicate() {
        String body = TestWebhooks.leaseBody(
                "evt-" + UUID.randomUUID(), "c", "L-" + UUID.randomUUID(), "FUTURE", "2026-11-23T08:00:00Z");
        String timestamp = TestWebhooks.nowSeconds();

        for (int attempt = 0; attempt < 2; attempt++) {
            given().contentType("application/json")
                    .header("X-PMS-Timestamp", timestamp)
                    .header("X-PMS-Signature", TestWebhooks.genericSignature(TestWebhooks.DEMO_SECRET, timestamp, body))
                    .body(body)
                    .post("/webhooks/demo-generic")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "30")
                    .contentType("application/problem+json")
                    .body("detail", containsString("retry later"));
        }
    }
}
