package com.pmsbridge.connector.connection;

import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every connection has its health series, used or not; only polling connections have a poll interval. */
@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "connector_test"))
class ConnectionHealthIT {
    private static final String ADMIN = TestTokens.of("adam", "acme", "admin");

    @Inject
    ConnectionHealth health;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void givenConnectionsNeverUsed_whenHealthIsRegistered_thenEachHasItsStatusAndOnlyThePollingOneAnInterval() {
        String pushOnly = create(Map.of("pmsType", "generic", "mode", "WEBHOOK"));
        String polling = create(Map.of("pmsType", "buildium", "apiBaseUrl", "http://127.0.0.1:1", "mode", "POLLING"));

        health.registerAll();

        List<String> lines = given().get(metrics)
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .toList();
        assertThat(series(lines, "pms_connector_connection_status", pushOnly))
                .singleElement()
                .asString()
                .endsWith(" 0.0");
        assertThat(series(lines, "pms_connector_connection_status", polling)).hasSize(1);
        assertThat(series(lines, "pms_connector_poll_interval_seconds", pushOnly))
                .singleElement()
                .asString()
                .endsWith(" NaN");
        assertThat(series(lines, "pms_connector_poll_interval_seconds", polling))
                .singleElement()
                .asString()
                .doesNotEndWith(" NaN");
    }

    @Test
    void givenPushOnlyAndUnreachableConnections_whenTested_thenEachSaysWhyAsACode() {
        String pushOnly = create(Map.of("pmsType", "generic", "mode", "WEBHOOK"));
        String unreachable =
                create(Map.of("pmsType", "buildium", "apiBaseUrl", "http://127.0.0.1:1", "mode", "WEBHOOK"));
        given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(Map.of("credential", "client:secret"))
                .put("/api/v1/connections/" + unreachable + "/credentials")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(ADMIN)
                .post("/api/v1/connections/" + pushOnly + "/test")
                .then()
                .statusCode(200)
                .body("reachable", Matchers.equalTo(false))
                .body("reason", Matchers.equalTo("push_only"));
        given().auth()
                .oauth2(ADMIN)
                .post("/api/v1/connections/" + unreachable + "/test")
                .then()
                .statusCode(200)
                .body("reachable", Matchers.equalTo(false))
                .body("reason", Matchers.matchesPattern("[a-z_0-9]+"));
        given().auth()
                .oauth2(TestTokens.of("victor", "globex", "operator"))
                .post("/api/v1/connections/" + unreachable + "/test")
                .then()
                .statusCode(404);
    }

    private static List<String> series(List<String> lines, String metric, String connection) {
        return lines.stream()
                .filter(line -> line.startsWith(metric + "{") && line.contains("connection=\"" + connection + "\""))
                .toList();
    }

    private static String create(Map<String, Object> body) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/connections")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
