package com.pmsbridge.queue.changes;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.LifecycleType;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestKafkaWriter;
import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The queue's change stream: each organisation hears of its own items' arrivals and decisions, and of nothing else. */
@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "queue_test"))
class QueueChangesIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String ACME = TestTokens.of("olivia", "acme", "operator", "viewer");
    private static TestKafkaWriter writer;

    @TestHTTPResource("/api/v1/queue/changes")
    URI changes;

    @BeforeAll
    static void open() {
        writer = new TestKafkaWriter();
    }

    @AfterAll
    static void close() {
        writer.close();
    }

    @Test
    void givenTwoOrganisationsListening_whenAnItemOfOneArrives_thenOnlyItsStreamSaysChanged() throws Exception {
        // organisations of their own, so no other test's items are heard
        String first = "first-" + UUID.randomUUID();
        String second = "second-" + UUID.randomUUID();
        try (Listening one = listen(TestTokens.of("olivia", first, "viewer"));
                Listening two = listen(TestTokens.of("victor", second, "viewer"))) {
            publish(leaseCreated(first));
            await().atMost(TIMEOUT).until(() -> one.changed() == 1);

            // the second one's item is notified after the first one's on the same channel: exactly one "changed"
            // there proves the first one's item was not heard
            publish(leaseCreated(second));
            await().atMost(TIMEOUT).until(() -> two.changed() >= 1);
            assertThat(two.changed()).isEqualTo(1);
            assertThat(one.changed()).isEqualTo(1);
        }
    }

    @Test
    void givenAPendingItem_whenSkipped_thenTheStreamSaysChanged() throws Exception {
        String entityKey = "lease:conn-q:" + UUID.randomUUID();
        publish(leaseCreated("acme", entityKey));
        String id = await().atMost(TIMEOUT)
                .until(
                        () -> given().auth()
                                .oauth2(ACME)
                                .queryParam("status", "PENDING")
                                .get("/api/v1/queue/items")
                                .then()
                                .extract()
                                .<String>path("find { it.entityKey == '" + entityKey + "' }.id"),
                        Objects::nonNull);

        try (Listening acme = listen(ACME)) {
            given().auth()
                    .oauth2(ACME)
                    .contentType("application/json")
                    .body(Map.of("reason", "already handled"))
                    .post("/api/v1/queue/items/" + id + "/skip")
                    .then()
                    .statusCode(200);

            await().atMost(TIMEOUT).until(() -> acme.changed() >= 1);
            assertThat(acme.lines()).noneMatch(line -> line.contains(entityKey) || line.contains(id));
        }
    }

    @Test
    void givenNoToken_whenTheStreamIsAskedFor_then401() {
        given().accept("text/event-stream").get("/api/v1/queue/changes").then().statusCode(401);
    }

    /** An open stream that keeps its data lines; ready once the first heartbeat came (the listener is subscribed). */
    private Listening listen(String token) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> answer = client.send(
                HttpRequest.newBuilder(changes)
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(answer.statusCode()).isEqualTo(200);
        Listening listening = new Listening(client, answer.body(), new CopyOnWriteArrayList<>());
        Thread.ofVirtual().start(() -> {
            try {
                answer.body().filter(line -> line.startsWith("data:")).forEach(listening.lines()::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        await().atMost(TIMEOUT).until(() -> !listening.lines().isEmpty());
        return listening;
    }

    private record Listening(HttpClient client, Stream<String> body, List<String> lines) implements AutoCloseable {
        long changed() {
            return lines.stream().filter(line -> line.contains("\"changed\"")).count();
        }

        @Override
        public void close() {
            body.close();
            client.close();
        }
    }

    private static LifecycleEvent leaseCreated(String org) {
        return leaseCreated(org, "lease:conn-q:" + UUID.randomUUID());
    }

    private static LifecycleEvent leaseCreated(String org, String entityKey) {
        return new LifecycleEvent(
                LifecycleEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                LifecycleType.LEASE_CREATED,
                org,
                "conn-q",
                EntityType.LEASE,
                entityKey,
                "P-7",
                "U-7",
                List.of(),
                Map.of(),
                Map.of("status", "FUTURE", "rent", "1200.00"),
                List.of(UUID.randomUUID().toString()),
                Instant.now());
    }

    private static void publish(LifecycleEvent event) throws IOException {
        writer.sendRaw(
                Topics.DOMAIN_EVENTS, event.entityKey(), ContractJson.mapper().writeValueAsString(event));
    }
}
