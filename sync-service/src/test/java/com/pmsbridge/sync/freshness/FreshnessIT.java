package com.pmsbridge.sync.freshness;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestKafkaWriter;
import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/** The console's freshness per connection: counted as changes are applied, read back per organisation. */
@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "sync_test"))
class FreshnessIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static TestKafkaWriter writer;

    @Inject
    FreshnessLedger ledger;

    @BeforeAll
    static void open() {
        writer = new TestKafkaWriter();
    }

    @AfterAll
    static void close() {
        writer.close();
    }

    @Test
    void givenChangesMadeThreeSecondsBeforeTheyArrive_whenFlushed_thenTheConnectionsP99IsAboutThreeSeconds() {
        String org = "fresh-" + UUID.randomUUID();
        String token = TestTokens.of("olivia", org, "viewer");
        Instant sent = Instant.now();
        for (int i = 0; i < 5; i++) {
            writer.send(change(org, UUID.randomUUID().toString(), Instant.now().minusSeconds(3)));
        }
        await().atMost(TIMEOUT).untilAsserted(() -> {
            ledger.flush();
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/entities/_freshness")
                    .then()
                    .statusCode(200)
                    .body("connectionId", contains("conn-fresh"))
                    .body("[0].changes", equalTo(5));
        });

        // no change can be fresher than 3 s, nor staler than 3 s plus the time the test waited (plus 19% of bucketing)
        float stalest = (float) ((3 + Duration.between(sent, Instant.now()).toMillis() / 1000.0) * 1.19);
        given().auth()
                .oauth2(token)
                .get("/api/v1/entities/_freshness")
                .then()
                .body("[0].p99Seconds", both(greaterThanOrEqualTo(3.0f)).and(lessThanOrEqualTo(stalest)))
                .body("[0].p50Seconds", greaterThanOrEqualTo(3.0f));
        // another organisation sees none of it
        given().auth()
                .oauth2(TestTokens.of("victor", "other-" + UUID.randomUUID(), "viewer"))
                .get("/api/v1/entities/_freshness")
                .then()
                .statusCode(200)
                .body("", empty());
    }

    @Test
    void givenNoToken_whenFreshnessIsAskedFor_then401() {
        given().get("/api/v1/entities/_freshness").then().statusCode(401);
    }

    private static ChangeEvent change(String org, String id, Instant occurredAt) {
        return new ChangeEvent(
                ChangeEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                org,
                "conn-fresh",
                "generic",
                EntityType.UNIT,
                id,
                Op.UPDATE,
                occurredAt.toString(),
                null,
                occurredAt,
                Instant.now(),
                Map.of("id", id, "name", "Unit " + id.substring(0, 4)));
    }
}
