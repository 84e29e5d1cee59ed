package com.pmsbridge.gateway.routing;

import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(RecordingBackend.class)
class ProxyIT {
    private final String token = TestTokens.of("olivia", "acme", "operator");

    @BeforeEach
    void forget() {
        RecordingBackend.SEEN.clear();
    }

    @Test
    void givenEncodedCharacters_whenForwarded_thenTheBackendGetsTheRawPathUnchanged() {
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(token)
                .get("/api/v1/queue/items/lease%3Aacme%3AL%201")
                .then()
                .statusCode(200);

        assertThat(RecordingBackend.SEEN)
                .singleElement()
                .satisfies(seen -> assertThat(seen.rawPath()).isEqualTo("/api/v1/queue/items/lease%3Aacme%3AL%201"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/queue/..%2F..%2Fq%2Fmetrics",
                "/api/v1/queue/%2e%2e/%2e%2e/q/metrics",
                "/api/v1/queue/..%5C..%5Cq%5Cmetrics",
                "/webhooks/..%2Fapi%2Fv1%2Fqueue%2Fitems"
            })
    void givenPathTraversal_whenSent_thenRefusedWith400AndNothingForwarded(String rawPath) {
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{}")
                .post(rawPath)
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"));

        assertThat(RecordingBackend.SEEN).isEmpty();
    }

    @Test
    void givenWebhookForAnIdOfTheWrongShape_whenPosted_thenRefusedWith400AndNothingForwarded() {
        given().contentType("application/json")
                .body("{}")
                .post("/webhooks/UPPER_case")
                .then()
                .statusCode(400);

        assertThat(RecordingBackend.SEEN).isEmpty();
    }

    @Test
    void givenOneConnectionsWebhooksBeyondItsBurst_whenPosted_then429ForItAloneAndNothingMoreForwarded() {
        for (int i = 0; i < 3; i++) {
            given().contentType("application/json")
                    .body("{}")
                    .post("/webhooks/flooded-1")
                    .then()
                    .statusCode(200);
        }

        given().contentType("application/json")
                .body("{}")
                .post("/webhooks/flooded-1")
                .then()
                .statusCode(429)
                .header("Retry-After", Matchers.notNullValue())
                .contentType(containsString("application/problem+json"));
        given().contentType("application/json")
                .body("{}")
                .post("/webhooks/calm-1")
                .then()
                .statusCode(200);

        assertThat(RecordingBackend.SEEN)
                .extracting(RecordingBackend.Seen::rawPath)
                .containsExactly(
                        "/webhooks/flooded-1", "/webhooks/flooded-1", "/webhooks/flooded-1", "/webhooks/calm-1");
    }

    @Test
    void givenBrowserCookie_whenAnApiCallIsForwarded_thenTheBackendNeverSeesIt() {
        given().auth()
                .oauth2(token)
                .cookie("tracking", "browser-cookie-value")
                .get("/api/v1/queue/settings")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");

        assertThat(RecordingBackend.SEEN).singleElement().satisfies(seen -> {
            assertThat(seen.headers()).containsKey("Authorization");
            assertThat(seen.headers().keySet()).noneMatch(name -> name.equalsIgnoreCase("cookie"));
        });
    }
}
