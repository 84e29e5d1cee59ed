package com.pmsbridge.connector.connection;

import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

/** As in production: no caller chooses a connection id, so no id can be probed across organisations. */
@QuarkusTest
@TestProfile(ProposedIdsIT.AsInProduction.class)
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "connector_test"))
class ProposedIdsIT {
    /** The production setting of the one property this test is about. */
    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("connector.connections.allow-proposed-ids", "false");
        }
    }

    private static final String ADMIN = TestTokens.of("mallory", "globex", "admin");

    @Test
    void givenAnIdThatMayExistElsewhere_whenAnAdminProposesIt_thenRefusedWithoutSayingWhetherItExists() {
        for (String probe : new String[] {"demo-generic", "never-used-" + System.nanoTime()}) {
            given().auth()
                    .oauth2(ADMIN)
                    .contentType("application/json")
                    .body(Map.of("id", probe, "pmsType", "generic", "mode", "WEBHOOK"))
                    .post("/api/v1/connections")
                    .then()
                    .statusCode(400)
                    .body("detail", containsString("field 'id' cannot be chosen"));
        }
        given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(Map.of("pmsType", "generic", "mode", "WEBHOOK"))
                .post("/api/v1/connections")
                .then()
                .statusCode(201)
                .body("id", matchesPattern("c-[0-9a-f]{20}"));
    }
}
