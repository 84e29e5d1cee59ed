package com.pmsbridge.connector.syncrun;

import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@TestProfile(SyncRunLimitsIT.QuotaOfTwo.class)
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "connector_test"))
class SyncRunLimitsIT {
    /** Two running Syncs per organisation, so the test reaches the quota with three connections. */
    public static class QuotaOfTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("connector.sync.running-per-organisation", "2");
        }
    }

    @Inject
    SyncRunner syncRunner;

    @Test
    void givenARunningSync_whenAnotherIsRequestedForTheConnection_then409NamingTheRunningRun() {
        String org = "org-" + UUID.randomUUID().toString().substring(0, 8);
        Connection connection = connection(org);
        SyncRun running = syncRunner.create(connection, "test");

        given().auth()
                .oauth2(TestTokens.of("olivia", org, "operator"))
                .post("/api/v1/connections/" + connection.id + "/sync")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(running.id.toString()));
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> SyncRun.count("connectionId = ?1 and status = ?2", connection.id, SyncRun.RUNNING)))
                .isEqualTo(1);
    }

    @Test
    void givenTheOrganisationsQuotaOfRunningSyncs_whenOneMoreIsRequested_then429AndAnotherOrganisationIsUnaffected() {
        String org = "org-" + UUID.randomUUID().toString().substring(0, 8);
        syncRunner.create(connection(org), "test");
        syncRunner.create(connection(org), "test");

        assertThatThrownBy(() -> syncRunner.create(connection(org), "test"))
                .isInstanceOfSatisfying(
                        ClientErrorException.class,
                        e -> assertThat(e.getResponse().getStatus()).isEqualTo(429));
        assertThat(syncRunner.create(connection("other-" + org), "test").status).isEqualTo(SyncRun.RUNNING);
    }

    private static Connection connection(String org) {
        String id = given().auth()
                .oauth2(TestTokens.of("adam", org, "admin"))
                .contentType("application/json")
                .body(Map.of("pmsType", "buildium", "apiBaseUrl", "http://127.0.0.1:9", "mode", "POLLING"))
                .post("/api/v1/connections")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return QuarkusTransaction.requiringNew().call(() -> {
            Connection found = Connection.findById(id);
            Connection.getEntityManager().detach(found);
            return found;
        });
    }
}
