package com.pmsbridge.connector.connection;

import com.pmsbridge.connector.adapter.PmsHttpClient;
import com.pmsbridge.connector.adapter.PmsRequest;
import com.pmsbridge.connector.adapter.PmsUnavailableException;
import com.pmsbridge.connector.polling.Poller;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestKafkaReader;
import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestTokens;
import com.pmsbridge.testsupport.TestWebhooks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jakarta.inject.Inject;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** Attacks by one organisation's admin on another organisation's connections, secrets and data. */
@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "connector_test"))
class TenantIsolationIT {
    private static final String ACME_ADMIN = TestTokens.of("adam", "acme", "admin");
    private static final String GLOBEX_ADMIN = TestTokens.of("mallory", "globex", "admin");

    @Inject
    Poller poller;

    @Inject
    PmsHttpClient pmsHttp;

    @ParameterizedTest
    @CsvSource({
        "credentialRef, env:QUARKUS_DATASOURCE_PASSWORD",
        "credentialRef, env:SIM_BUILDIUM_CREDENTIALS",
        "webhookSecretRef, env:DEMO_WEBHOOK_SECRET"
    })
    void givenProcessVariableName_whenAnAdminReferencesIt_thenRefusedWith400(String field, String reference) {
        Map<String, Object> body =
                new HashMap<>(Map.of("pmsType", "buildium", "apiBaseUrl", "https://api.buildium.com"));
        body.put(field, reference);

        given().auth()
                .oauth2(GLOBEX_ADMIN)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/connections")
                .then()
                .statusCode(400)
                .body("detail", containsString("/credentials"));
    }

    @Test
    void givenAnotherTenantsSecret_whenAnAttackerPollsItsOwnConnectionAtItsOwnServer_thenTheSecretNeverLeaves()
            throws Exception {
        String acmeSecret = "acme-client:acme-secret-" + UUID.randomUUID();
        String victim = create(ACME_ADMIN, Map.of("pmsType", "buildium", "apiBaseUrl", "http://127.0.0.1:9"));
        setCredentials(ACME_ADMIN, victim, Map.of("credential", acmeSecret))
                .then()
                .statusCode(200);

        try (AttackerServer attacker = AttackerServer.answering200("127.0.0.1")) {
            String own = create(
                    GLOBEX_ADMIN, Map.of("pmsType", "buildium", "apiBaseUrl", attacker.url(), "mode", "POLLING"));
            setCredentials(GLOBEX_ADMIN, own, Map.of("credential", "globex-client:globex-secret"))
                    .then()
                    .statusCode(200);
            // the attacker cannot point its request at the victim's secrets, nor read or change them
            setCredentials(GLOBEX_ADMIN, victim, Map.of("credential", "x:y"))
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(GLOBEX_ADMIN)
                    .get("/api/v1/connections/" + victim + "/credentials")
                    .then()
                    .statusCode(404);

            poller.poll(own);

            assertThat(attacker.seen())
                    .isNotEmpty()
                    .allSatisfy(request -> assertThat(request)
                            .contains("globex-secret")
                            .doesNotContain(acmeSecret.substring(acmeSecret.indexOf(':') + 1)));
        }
    }

    @Test
    void givenSecretSetThroughTheApi_whenEverythingIsRead_thenOnlyItsFingerprintAppears() throws Exception {
        String secret = "sekret-" + UUID.randomUUID();
        String id = create(ACME_ADMIN, Map.of("pmsType", "generic"));

        Response set = setCredentials(ACME_ADMIN, id, Map.of("webhookSecret", secret));
        set.then().statusCode(200).body("webhookSecret.fingerprint", containsString("sha256:"));
        String body = TestWebhooks.leaseBody(
                "evt-" + UUID.randomUUID(), "c", "L-" + UUID.randomUUID(), "FUTURE", "2026-11-23T08:00:00Z");
        String timestamp = TestWebhooks.nowSeconds();
        given().contentType("application/json")
                .header("X-PMS-Timestamp", timestamp)
                .header("X-PMS-Signature", TestWebhooks.genericSignature(secret, timestamp, body))
                .body(body)
                .post("/webhooks/" + id)
                .then()
                .statusCode(202);
        // the change reached Kafka (acknowledged before the 202), so the topics below hold it
        List<String> answers = new ArrayList<>(List.of(
                set.asString(),
                given().auth()
                        .oauth2(ACME_ADMIN)
                        .get("/api/v1/connections/" + id)
                        .asString(),
                given().auth().oauth2(ACME_ADMIN).get("/api/v1/connections").asString(),
                given().auth()
                        .oauth2(ACME_ADMIN)
                        .get("/api/v1/connections/" + id + "/credentials")
                        .asString()));
        assertThat(answers).noneMatch(answer -> answer.contains(secret));
        assertThat(Files.readString(Path.of("target", "connector-service-test.log")))
                .doesNotContain(secret);
        for (String topic : Topics.all()) {
            try (TestKafkaReader reader = new TestKafkaReader(topic)) {
                assertThat(reader.readToEnd())
                        .noneMatch(r -> String.valueOf(r.value()).contains(secret)
                                || String.valueOf(r.key()).contains(secret)
                                || headersContain(r, secret));
            }
        }
    }

    @Test
    void givenWebhookSecretRotated_whenSignedWithTheOldOne_thenAcceptedDuringTheOverlapOnly() {
        String id = create(ACME_ADMIN, Map.of("pmsType", "generic"));
        setCredentials(ACME_ADMIN, id, Map.of("webhookSecret", "first-secret"))
                .then()
                .statusCode(200);
        setCredentials(ACME_ADMIN, id, Map.of("webhookSecret", "second-secret"))
                .then()
                .statusCode(200)
                .body("webhookSecret.previousValidUntil", Matchers.notNullValue());

        assertThat(postWebhook(id, "second-secret")).isEqualTo(202);
        assertThat(postWebhook(id, "first-secret")).isEqualTo(202);
        // %test overlap is 3 s
        await().atMost(Duration.ofSeconds(10)).until(() -> postWebhook(id, "first-secret") == 401);
        assertThat(postWebhook(id, "second-secret")).isEqualTo(202);
    }

    @Test
    void givenDeletedConnectionId_whenAnyOrganisationCreatesItAgain_thenRefused() {
        String id = "reused-" + UUID.randomUUID().toString().substring(0, 8);
        create(ACME_ADMIN, Map.of("id", id, "pmsType", "generic"));
        given().auth()
                .oauth2(ACME_ADMIN)
                .delete("/api/v1/connections/" + id)
                .then()
                .statusCode(204);

        for (String admin : List.of(GLOBEX_ADMIN, ACME_ADMIN)) {
            given().auth()
                    .oauth2(admin)
                    .contentType("application/json")
                    .body(Map.of("id", id, "pmsType", "generic"))
                    .post("/api/v1/connections")
                    .then()
                    .statusCode(409);
        }
    }

    @Test
    void givenADisplayNameOf201Characters_whenCreated_then400NamingTheField() {
        given().auth()
                .oauth2(ACME_ADMIN)
                .contentType("application/json")
                .body(Map.of("pmsType", "generic", "displayName", "n".repeat(201)))
                .post("/api/v1/connections")
                .then()
                .statusCode(400)
                .body("detail", containsString("displayName"));
    }

    @Test
    void givenNoIdProposed_whenCreated_thenTheServerGivesAnUnguessableId() {
        String first = create(ACME_ADMIN, Map.of("pmsType", "generic"));
        String second = create(ACME_ADMIN, Map.of("pmsType", "generic"));

        assertThat(first).matches("c-[0-9a-f]{20}").isNotEqualTo(second);
    }

    @ParameterizedTest
    @CsvSource({
        "generic, http://169.254.169.254/latest/meta-data",
        "generic, https://169.254.169.254/latest/meta-data",
        "generic, https://localhost/",
        "generic, https://10.1.2.3/",
        "generic, https://[::1]/",
        "generic, file:///etc/passwd",
        "generic, https://user:pw@example.com/",
        "buildium, https://evil.example.com/",
        "buildium, https://api.buildium.com:8443/",
        "appfolio, https://metadata.google.internal/"
    })
    void givenUrlOutsideTheAllowedTargets_whenConfigured_thenRefusedWith400(String pmsType, String url) {
        for (String field : List.of("apiBaseUrl", "webhookIssuerUrl")) {
            given().auth()
                    .oauth2(GLOBEX_ADMIN)
                    .contentType("application/json")
                    .body(Map.of("pmsType", pmsType, field, url))
                    .post("/api/v1/connections")
                    .then()
                    .statusCode(400)
                    .body("detail", containsString(field));
        }
    }

    @Test
    void givenPmsRedirectingToAPrivateAddress_whenPolled_thenTheRedirectIsNotFollowed() {
        try (AttackerServer internal = AttackerServer.answering200("127.0.0.2");
                AttackerServer attacker =
                        AttackerServer.redirectingTo("127.0.0.1", internal.url() + "/internal-admin")) {
            String id = create(
                    GLOBEX_ADMIN, Map.of("pmsType", "buildium", "apiBaseUrl", attacker.url(), "mode", "POLLING"));
            setCredentials(GLOBEX_ADMIN, id, Map.of("credential", "globex-client:globex-secret"));

            try {
                poller.poll(id);
            } catch (RuntimeException expected) {
                // the poll fails on the redirect; what matters is where requests went
            }

            assertThat(attacker.seen()).isNotEmpty();
            assertThat(internal.seen()).isEmpty();
            given().auth()
                    .oauth2(GLOBEX_ADMIN)
                    .get("/api/v1/connections/" + id)
                    .then()
                    .body("lastError", Matchers.matchesPattern("[a-z_0-9]+"));
        }
    }

    @Test
    void givenHostThatResolvesToLoopbackWhenConnecting_whenCalled_thenRefusedBeforeAnyConnection() {
        // the URL's rules allow any https host on 443 for a generic PMS; only the connect-time lookup can refuse it
        var request = PmsRequest.get(URI.create("https://localhost/api"));

        assertThat(Assertions.catchThrowableOfType(
                                PmsUnavailableException.class, () -> pmsHttp.send("c-attacker", "generic", request))
                        .getMessage())
                .isEqualTo("outbound_refused");
    }

    private static boolean headersContain(ConsumerRecord<?, ?> record, String text) {
        for (var header : record.headers()) {
            if (header.value() != null && new String(header.value(), StandardCharsets.UTF_8).contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static int postWebhook(String id, String secret) {
        String body = TestWebhooks.leaseBody(
                "evt-" + UUID.randomUUID(), "c", "L-" + UUID.randomUUID(), "FUTURE", "2026-11-23T08:00:00Z");
        String timestamp = TestWebhooks.nowSeconds();
        return given().contentType("application/json")
                .header("X-PMS-Timestamp", timestamp)
                .header("X-PMS-Signature", TestWebhooks.genericSignature(secret, timestamp, body))
                .body(body)
                .post("/webhooks/" + id)
                .statusCode();
    }

    private static String create(String admin, Map<String, Object> body) {
        return given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/connections")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Response setCredentials(String admin, String id, Map<String, String> body) {
        return given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(body)
                .put("/api/v1/connections/" + id + "/credentials");
    }
}
