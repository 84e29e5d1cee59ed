package com.pmsbridge.systemtests.console;

import com.pmsbridge.systemtests.RunningSystem;

import static io.restassured.RestAssured.given;

/** Access tokens of the demo realm's users, for the API calls that set a test up (never for the console itself). */
final class Keycloak {
    private Keycloak() {}

    static String token(String user) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "pms-gateway")
                .formParam("client_secret", "pms-gateway-secret")
                .formParam("username", user)
                .formParam("password", user)
                .post(RunningSystem.issuer() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
