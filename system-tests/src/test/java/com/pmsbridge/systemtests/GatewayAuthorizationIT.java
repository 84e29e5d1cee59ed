package com.pmsbridge.systemtests;

import com.pmsbridge.testsupport.TestTokens;
import io.restassured.response.Response;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The authorization matrix over every public route, through the gateway to the real services: no token, expired
 * token, wrong issuer, wrong audience, each role, and another organisation. Every refusal is a problem document.
 */
class GatewayAuthorizationIT {
    private static final String ITEM = "00000000-0000-0000-0000-000000000001";
    private static final String CONNECTION = "demo-generic";

    record Route(String method, String path, String body, String minimumRole, boolean org404) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every public API route with the least role it needs ("viewer" < "operator" < "admin"). */
    static List<Route> routes() {
        return List.of(
                new Route("GET", "/api/v1/queue/items", null, "viewer", false),
                new Route("GET", "/api/v1/queue/items/" + ITEM, null, "viewer", true),
                new Route("POST", "/api/v1/queue/items/" + ITEM + "/apply", null, "operator", true),
                new Route("POST", "/api/v1/queue/items/" + ITEM + "/skip", "{}", "operator", true),
                new Route(
                        "POST",
                        "/api/v1/queue/items/apply",
                        "{\"type\":\"MOVE_IN\",\"ids\":[\"" + ITEM + "\"]}",
                        "operator",
                        false),
                new Route(
                        "POST",
                        "/api/v1/queue/items/skip",
                        "{\"filter\":{\"ids\":[\"" + ITEM + "\"]}}",
                        "operator",
                        false),
                new Route("GET", "/api/v1/queue/log", null, "viewer", false),
                new Route("GET", "/api/v1/queue/settings", null, "viewer", false),
                new Route(
                        "PUT",
                        "/api/v1/queue/settings",
                        "{\"itemType\":\"MOVE_OUT\",\"propertyId\":\"P-MATRIX\",\"enabled\":false}",
                        "admin",
                        false),
                new Route("GET", "/api/v1/connections", null, "viewer", false),
                new Route("GET", "/api/v1/connections/" + CONNECTION, null, "viewer", true),
                new Route(
                        "PUT",
                        "/api/v1/connections/" + CONNECTION,
                        "{\"pmsType\":\"generic\",\"displayName\":\"Demo generic PMS\"}",
                        "admin",
                        true),
                new Route(
                        "POST",
                        "/api/v1/connections",
                        "{\"id\":\"matrix-" + UUID.randomUUID().toString().substring(0, 8)
                                + "\",\"pmsType\":\"generic\"}",
                        "admin",
                        false),
                new Route("GET", "/api/v1/connections/" + CONNECTION + "/credentials", null, "admin", true),
                new Route("POST", "/api/v1/connections/" + CONNECTION + "/sync", null, "operator", true),
                new Route("GET", "/api/v1/connections/" + CONNECTION + "/sync-runs", null, "viewer", true));
    }

    static Stream<Arguments> invalidTokens() {
        List<Arguments> cases = new ArrayList<>();
        for (Route route : routes()) {
            cases.add(Arguments.of(route, "no token", null));
            cases.add(Arguments.of(route, "expired", TestTokens.expired("adam", "acme", "admin")));
            cases.add(Arguments.of(
                    route,
                    "wrong issuer",
                    TestTokens.withIssuer("https://evil.example.com/realms/pms", "adam", "acme", "admin")));
            cases.add(Arguments.of(
                    route, "wrong audience", TestTokens.withAudience("another-api", "adam", "acme", "admin")));
        }
        return cases.stream();
    }

    static Stream<Arguments> roles() {
        List<Arguments> cases = new ArrayList<>();
        for (Route route : routes()) {
            for (String role : List.of("viewer", "operator", "admin")) {
                cases.add(Arguments.of(route, role));
            }
        }
        return cases.stream();
    }

    @BeforeAll
    static void system() {
        RunningSystem.start();
    }

    @ParameterizedTest(name = "{0} with {1} → 401")
    @MethodSource("invalidTokens")
    void givenInvalidToken_whenCallingRoute_thenUnauthorizedProblem(Route route, String kind, String token) {
        request(route, token)
                .then()
                .statusCode(401)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(401));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("roles")
    void givenRole_whenCallingRoute_thenAllowedOnlyFromItsMinimumRole(Route route, String role) {
        int status = request(route, TestTokens.of("user-" + role, "acme", role)).statusCode();
        if (rank(role) < rank(route.minimumRole())) {
            Assertions.assertThat(status).as(route + " as " + role).isEqualTo(403);
        } else {
            Assertions.assertThat(status).as(route + " as " + role).isNotIn(401, 403);
        }
    }

    @ParameterizedTest(name = "{0} from another organisation")
    @MethodSource("routes")
    void givenOtherOrganisation_whenCallingRoute_thenItsDataIsInvisible(Route route) {
        var response = request(route, TestTokens.of("victor", "globex", "admin"));
        if (route.org404()) {
            response.then().statusCode(404).contentType(containsString("application/problem+json"));
        } else if (route.method().equals("GET") && !route.path().endsWith("settings")) {
            response.then().statusCode(200).body("findAll { it.org == 'acme' }", Matchers.empty());
        }
    }

    @Test
    void givenTooManyRequests_whenOneCallerKeepsCalling_thenRateLimitedWithRetryAfter() {
        String token = TestTokens.of("greedy-" + UUID.randomUUID(), "acme", "viewer");
        int allowed = 0;
        Response limited = null;
        while (limited == null && allowed <= RunningSystem.GATEWAY_BURST) {
            var response = given().baseUri(RunningSystem.gateway())
                    .auth()
                    .oauth2(token)
                    .get("/api/v1/queue/settings");
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                response.then().statusCode(200);
                allowed++;
            }
        }
        // the refill is one request a minute, so the caller gets its burst and not one request more
        Assertions.assertThat(allowed).isEqualTo(RunningSystem.GATEWAY_BURST);
        Assertions.assertThat(limited).isNotNull();
        limited.then().contentType(containsString("application/problem+json"));
        Assertions.assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        given().baseUri(RunningSystem.gateway())
                .auth()
                .oauth2(TestTokens.of("patient", "acme", "viewer"))
                .get("/api/v1/queue/settings")
                .then()
                .statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/queue/..%2F..%2Fq%2Fmetrics",
                "/api/v1/queue/%2e%2e/%2e%2e/q/metrics",
                "/api/v1/queue/..%5C..%5Cq%5Cmetrics",
                "/webhooks/..%2Fapi%2Fv1%2Fconnections"
            })
    void givenEncodedTraversal_whenSentThroughTheGateway_thenRefusedWith400BeforeAnyBackend(String rawPath) {
        var response = given().baseUri(RunningSystem.gateway())
                .urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.of("adam", "acme", "admin"))
                .contentType("application/json")
                .body("{}")
                .post(rawPath);

        response.then().statusCode(400).contentType(containsString("application/problem+json"));
        Assertions.assertThat(response.asString()).doesNotContain("jvm_", "# HELP");
    }

    @Test
    void givenWebhookForAnIdOfTheWrongShape_whenPosted_thenRefusedWith400() {
        given().baseUri(RunningSystem.gateway())
                .contentType("application/json")
                .body("{}")
                .post("/webhooks/UPPER_case")
                .then()
                .statusCode(400);
    }

    @Test
    void givenGateway_whenAskedForTheApiDocument_thenOneDocumentWithEveryServicesRoutes() {
        given().baseUri(RunningSystem.gateway())
                .get("/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/queue/items'", notNullValue())
                .body("paths.'/api/v1/connections'", notNullValue())
                .body("paths.'/webhooks/{connectionId}'", notNullValue())
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void givenBrowserWithoutSession_whenOpeningTheConsole_thenRedirectedToTheAuthorizationCodeLogin() {
        given().baseUri(RunningSystem.gateway())
                .redirects()
                .follow(false)
                .accept("text/html")
                .get("/console")
                .then()
                .statusCode(302)
                .header("Location", containsString("/protocol/openid-connect/auth"))
                .header("Location", containsString("response_type=code"))
                .header("Location", containsString("client_id=pms-gateway"));
    }

    private static int rank(String role) {
        return Map.of("viewer", 1, "operator", 2, "admin", 3).get(role);
    }

    private static Response request(Route route, String token) {
        var spec = given().baseUri(RunningSystem.gateway()).contentType("application/json");
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        if (route.body() != null) {
            spec = spec.body(route.body());
        }
        return spec.request(route.method(), route.path());
    }
}
