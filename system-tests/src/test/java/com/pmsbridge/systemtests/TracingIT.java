package com.pmsbridge.systemtests;

import com.pmsbridge.simulator.PmsSimulator;
import com.pmsbridge.simulator.SimulatorConfig;
import com.pmsbridge.systemtests.TraceCollector.CollectedSpan;
import com.pmsbridge.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * One trace from a PMS's signed webhook to its queue item and the item's Apply, across the four services: every hop
 * makes its span and passes the context on (HTTP, the inbox, the change topic, the outbox relay, the queue's actions).
 * The services export to {@link TraceCollector}, which holds the spans in memory.
 */
class TracingIT {
    private static final String CONNECTION =
            "trace-" + UUID.randomUUID().toString().substring(0, 8);
    private static PmsSimulator simulator;

    @BeforeAll
    static void start() {
        RunningSystem.start();
        simulator = PmsSimulator.start(SimulatorConfig.defaults()
                .withPortfolio(3, 5)
                .withWebhooks(RunningSystem.gateway() + "/webhooks/" + CONNECTION, 0, 0, 0));
        api(admin())
                .contentType("application/json")
                .body(Map.of("id", CONNECTION, "pmsType", "buildium", "apiBaseUrl", simulator.baseUrl()))
                .post("/api/v1/connections")
                .then()
                .statusCode(201);
        api(admin())
                .contentType("application/json")
                .body(Map.of("credential", "sim-client:sim-secret", "webhookSecret", "sim-webhook-secret"))
                .put("/api/v1/connections/" + CONNECTION + "/credentials")
                .then()
                .statusCode(200);
        // the leases in state first, so a move-in changes one and becomes an item
        String runId = api(operator())
                .post("/api/v1/connections/" + CONNECTION + "/sync")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> api(operator())
                        .get("/api/v1/connections/" + CONNECTION + "/sync-runs/" + runId)
                        .then()
                        .body("status", equalTo("COMPLETED")));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void givenSignedWebhook_whenItBecomesAnItemThatIsApplied_thenOneTraceHoldsEveryHopInOrder() {
        // given: the PMS moves a resident in and sends its signed thin webhook through the gateway
        assertThat(simulator.engine().moveIn()).isEqualTo("Lease.Updated");
        String item = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> api(operator())
                                .queryParam("connectionId", CONNECTION)
                                .queryParam("type", "MOVE_IN")
                                .get("/api/v1/queue/items")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("[0].id"),
                        id -> id != null);

        // when: an operator applies the item
        api(operator())
                .post("/api/v1/queue/items/" + item + "/apply")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPLIED"));

        // then: the Apply's span is in the webhook's trace, with every hop before it
        TraceCollector traces = RunningSystem.traces();
        CollectedSpan apply = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> traces.spans().stream()
                                .filter(span -> item.equals(span.attribute("pms.queue.item.id")))
                                .findFirst()
                                .orElse(null),
                        span -> span != null);
        List<Predicate<CollectedSpan>> hops = List.of(
                span("api-gateway", "SERVER", s -> ("/webhooks/" + CONNECTION).equals(s.attribute("url.path"))),
                span("api-gateway", "CLIENT", s -> "POST".equals(s.attribute("http.request.method"))),
                span("connector-service", "SERVER", s -> true),
                span("connector-service", "PRODUCER", s -> s.name().contains("pms.connector.inbox.v1")),
                span("connector-service", "CONSUMER", s -> s.name().equals("pms.connector.inbox.v1 process")),
                span("connector-service", "CLIENT", s -> "GET".equals(s.attribute("http.request.method"))),
                span("connector-service", "PRODUCER", s -> s.name().contains("pms.lease.changes.v1")),
                span("sync-service", "CONSUMER", s -> s.name().equals("pms.lease.changes.v1 process")),
                span("sync-service", "PRODUCER", s -> s.name().equals("pms.domain-events.v1 publish")),
                span("queue-service", "CONSUMER", s -> s.name().equals("pms.domain-events.v1 process")),
                span("queue-service", "INTERNAL", s -> s == apply),
                span("queue-service", "PRODUCER", s -> s.name().contains("pms.queue.actions.v1")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<CollectedSpan> trace = traces.trace(apply.traceId());
            for (Predicate<CollectedSpan> hop : hops) {
                assertThat(trace)
                        .as("spans of trace %s: %s", apply.traceId(), names(trace))
                        .anyMatch(hop);
            }
            // one tree: a single root (the gateway's webhook request), every other span's parent in the trace
            Set<String> ids = trace.stream().map(CollectedSpan::spanId).collect(Collectors.toSet());
            assertThat(trace.stream().filter(s -> s.parentSpanId() == null || !ids.contains(s.parentSpanId())))
                    .singleElement()
                    .matches(hops.getFirst());
        });
        // and the Apply links the operator's request, whose own trace went through the gateway
        assertThat(apply.linkedTraceIds())
                .singleElement()
                .satisfies(requestTrace -> assertThat(traces.trace(requestTrace))
                        .anyMatch(span(
                                "api-gateway",
                                "SERVER",
                                s -> ("/api/v1/queue/items/" + item + "/apply").equals(s.attribute("url.path")))));
        // each Kafka hop is a child of the hop before it, so the order is the path's
        List<CollectedSpan> trace = traces.trace(apply.traceId());
        CollectedSpan itemSpan = only(trace, hops.get(9));
        CollectedSpan relay = parentOf(trace, itemSpan);
        assertThat(relay).matches(hops.get(8));
        assertThat(parentOf(trace, relay)).matches(hops.get(7));
        System.out.printf("trace %s of item %s: %s%n", apply.traceId(), item, names(trace));
    }

    private static Predicate<CollectedSpan> span(String service, String kind, Predicate<CollectedSpan> more) {
        return s -> service.equals(s.service()) && kind.equals(s.kind()) && more.test(s);
    }

    private static CollectedSpan only(List<CollectedSpan> trace, Predicate<CollectedSpan> hop) {
        return trace.stream().filter(hop).findFirst().orElseThrow();
    }

    private static CollectedSpan parentOf(List<CollectedSpan> trace, CollectedSpan child) {
        return trace.stream()
                .filter(s -> s.spanId().equals(child.parentSpanId()))
                .findFirst()
                .orElseThrow();
    }

    private static String names(List<CollectedSpan> trace) {
        return trace.stream()
                .map(s -> s.service() + "/" + s.kind() + "/" + s.name())
                .collect(Collectors.joining(", "));
    }

    private static String admin() {
        return TestTokens.of("adam", "acme", "admin");
    }

    private static String operator() {
        return TestTokens.of("olivia", "acme", "operator");
    }

    private static io.restassured.specification.RequestSpecification api(String token) {
        return given().baseUri(RunningSystem.gateway()).auth().oauth2(token);
    }
}
