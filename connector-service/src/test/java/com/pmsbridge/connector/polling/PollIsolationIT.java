package com.pmsbridge.connector.polling;

import com.pmsbridge.connector.adapter.PmsUnavailableException;
import com.pmsbridge.connector.connection.ConnectionHealth;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** One failing or slow PMS costs its own connection only: other types, other connections and the PMS are spared. */
@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "connector_test"))
class PollIsolationIT {
    private static final String ADMIN = TestTokens.of("adam", "acme", "admin");

    @Inject
    Poller poller;

    @Inject
    ConnectionHealth health;

    @Test
    void givenOneEntityTypeFailing_whenPolled_thenEveryOtherTypesCursorMovesAndItsDoesNot() {
        try (ScriptedPms pms = new ScriptedPms(
                path -> path.equals("/v1/leases") ? new ScriptedPms.Reply(500, 0) : ScriptedPms.Reply.emptyPage())) {
            String id = buildiumConnection(pms.url());

            assertThat(catchThrowableOfType(PmsUnavailableException.class, () -> poller.poll(id)))
                    .hasMessage("http_500");

            Map<String, Instant> cursors = cursors(id);
            assertThat(cursors.get("lease")).isNull();
            assertThat(cursors)
                    .containsKeys("property", "unit", "resident", "workorder", "vendor", "lead")
                    .allSatisfy((type, since) -> {
                        if (!type.equals("lease")) {
                            assertThat(since).as(type).isNotNull();
                        }
                    });
        }
    }

    @Test
    void givenPmsThatKeepsFailing_whenPolled_thenItsCircuitOpensAndTheRestOfThePollSendsItNothing() {
        try (ScriptedPms pms = new ScriptedPms(path -> new ScriptedPms.Reply(503, 0))) {
            String id = buildiumConnection(pms.url());

            catchThrowableOfType(PmsUnavailableException.class, () -> poller.poll(id));
            int requestsWhileClosed = pms.paths().size();
            PmsUnavailableException again = catchThrowableOfType(PmsUnavailableException.class, () -> poller.poll(id));

            assertThat(again).hasMessage("circuit_open");
            assertThat(pms.paths()).hasSize(requestsWhileClosed);
            // five calls of six attempts each opened it; the other two types were never requested
            assertThat(pms.paths().stream().distinct()).hasSize(5);
        }
    }

    @Test
    void givenOneConnectionsPmsHanging_whenBothAreDue_thenTheOtherIsPolledWithoutWaiting() {
        try (ScriptedPms hanging = new ScriptedPms(path -> new ScriptedPms.Reply(200, 60_000));
                ScriptedPms healthy = new ScriptedPms(path -> ScriptedPms.Reply.emptyPage())) {
            String slow = buildiumConnection(hanging.url());
            String fast = buildiumConnection(healthy.url());

            poller.dispatch(List.of(health.find(slow), health.find(fast)));

            // an empty map would satisfy "every cursor set", so the size is part of the wait
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(cursors(fast))
                            .hasSize(7)
                            .allSatisfy(
                                    (type, since) -> assertThat(since).as(type).isNotNull()));
            assertThat(hanging.paths()).isNotEmpty();
            assertThat(cursors(slow).values()).containsOnlyNulls();
        }
    }

    private static Map<String, Instant> cursors(String connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Instant> byType = new HashMap<>();
            PollCursor.<PollCursor>list("connectionId", connectionId)
                    .forEach(cursor -> byType.put(cursor.entityType, cursor.updatedSince));
            return byType;
        });
    }

    private static String buildiumConnection(String url) {
        String id = given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(Map.of("pmsType", "buildium", "apiBaseUrl", url, "mode", "POLLING"))
                .post("/api/v1/connections")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(Map.of("credential", "client:secret"))
                .put("/api/v1/connections/" + id + "/credentials")
                .then()
                .statusCode(200);
        return id;
    }
}
