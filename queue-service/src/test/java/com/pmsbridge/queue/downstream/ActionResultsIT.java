package com.pmsbridge.queue.downstream;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.LifecycleType;
import com.pmsbridge.contract.event.QueueActionResult;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A downstream tool's report on an applied action shows on its item, for its own organisation only. */
@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "queue_test"))
class ActionResultsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static TestKafkaWriter writer;

    @BeforeAll
    static void open() {
        writer = new TestKafkaWriter();
    }

    @AfterAll
    static void close() {
        writer.close();
    }

    @Test
    void givenAnAppliedMoveIn_whenTheLockSystemReports_thenTheItemShowsItsReportAndAnotherOrgsReportChangesNothing()
            throws Exception {
        String org = "org-" + UUID.randomUUID();
        String operator = TestTokens.of("olivia", org, "operator");
        String entityKey = "lease:conn-q:" + UUID.randomUUID();
        publish(moveIn(org, entityKey));
        String itemId = await().atMost(TIMEOUT)
                .until(
                        () -> given().auth()
                                .oauth2(operator)
                                .get("/api/v1/queue/items")
                                .then()
                                .extract()
                                .<String>path("find { it.entityKey == '" + entityKey + "' }.id"),
                        Objects::nonNull);
        given().auth()
                .oauth2(operator)
                .post("/api/v1/queue/items/" + itemId + "/apply")
                .then()
                .statusCode(200);

        // another organisation's report on this item comes first and changes nothing
        report(itemId, "org-" + UUID.randomUUID(), QueueActionResult.Outcome.FAILED, "not yours");
        report(itemId, org, QueueActionResult.Outcome.DONE, "access granted to 1 resident on unit U-1");

        await().atMost(TIMEOUT)
                .untilAsserted(() -> given().auth()
                        .oauth2(operator)
                        .get("/api/v1/queue/items/" + itemId)
                        .then()
                        .body("downstream.outcome", equalTo("DONE"))
                        .body("downstream.detail", equalTo("access granted to 1 resident on unit U-1"))
                        .body("downstream.reportedBy", equalTo("lock-system")));
    }

    @Test
    void givenAReportForAnItemNobodyHas_whenConsumed_thenNothingShowsAndTheConsumerGoesOn() throws Exception {
        String org = "org-" + UUID.randomUUID();
        report(UUID.randomUUID().toString(), org, QueueActionResult.Outcome.DONE, "phantom");
        String entityKey = "lease:conn-q:" + UUID.randomUUID();
        publish(moveIn(org, entityKey));

        // the item made after the phantom report exists (the consumer went on) and carries no report
        await().atMost(TIMEOUT)
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.of("olivia", org, "viewer"))
                        .get("/api/v1/queue/items")
                        .then()
                        .body("find { it.entityKey == '" + entityKey + "' }.type", equalTo("MOVE_IN"))
                        .body("find { it.entityKey == '" + entityKey + "' }.downstream", nullValue()));
    }

    private static void report(String itemId, String org, QueueActionResult.Outcome outcome, String detail)
            throws Exception {
        QueueActionResult result = new QueueActionResult(
                QueueActionResult.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                itemId,
                org,
                "lease:conn-q:x",
                outcome,
                detail,
                "lock-system",
                Instant.now());
        writer.sendRaw(
                Topics.QUEUE_ACTION_RESULTS, itemId, ContractJson.mapper().writeValueAsString(result));
    }

    private static LifecycleEvent moveIn(String org, String entityKey) {
        return new LifecycleEvent(
                LifecycleEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                LifecycleType.MOVE_IN,
                org,
                "conn-q",
                EntityType.LEASE,
                entityKey,
                "P-1",
                "U-1",
                List.of("status"),
                Map.of("status", "FUTURE"),
                Map.of("status", "CURRENT", "residentIds", List.of("R-1")),
                List.of(UUID.randomUUID().toString()),
                Instant.now());
    }

    private static void publish(LifecycleEvent event) throws Exception {
        writer.sendRaw(
                Topics.DOMAIN_EVENTS, event.entityKey(), ContractJson.mapper().writeValueAsString(event));
    }
}
