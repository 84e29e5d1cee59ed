package com.pmsbridge.systemtests;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.simulator.PmsSimulator;
import com.pmsbridge.simulator.SimulatorConfig;
import com.pmsbridge.simulator.portfolio.Kind;
import com.pmsbridge.testsupport.TestInfrastructure;
import com.pmsbridge.testsupport.TestKafkaReader;
import com.pmsbridge.testsupport.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * connector-service on several replicas: the replica polling a connection, or running its Sync, is killed (SIGKILL)
 * in the middle; another replica takes the lease once it has expired and finishes the work within 30 s, and every
 * record of the PMS is emitted, none twice beyond the page that was in flight when the replica died. The system's own
 * connector (behind the gateway) neither polls nor resumes Syncs here, so the two replicas this test starts share the
 * work and the one killed is always one of them.
 */
class ConnectorFailoverIT {
    private static final String CONNECTION =
            "failover-" + UUID.randomUUID().toString().substring(0, 8);
    private static final int PAGE_SIZE = 5;
    private static final Duration PMS_LATENCY = Duration.ofMillis(300);
    private static PmsSimulator simulator;
    private static SlowProxy pms;
    private static final List<ServiceProcess> replicas = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        RunningSystem.start();
        simulator = PmsSimulator.start(SimulatorConfig.defaults().withPortfolio(3, 4));
        pms = new SlowProxy(simulator.baseUrl(), PMS_LATENCY);
        for (String name : List.of("connector-replica-a", "connector-replica-b")) {
            Map<String, String> environment = new HashMap<>(RunningSystem.connectorEnvironment());
            environment.put("CONNECTOR_POLLING_ENABLED", "true");
            environment.put("CONNECTOR_SYNC_RESUME_ABANDONED", "true");
            environment.put("CONNECTOR_LEASES_DURATION", "PT5S");
            environment.put("CONNECTOR_SYNC_PAGE_SIZE", String.valueOf(PAGE_SIZE));
            environment.put("CONNECTOR_POLLING_TICK", "1s");
            environment.put("CONNECTOR_POLLING_PAGE_SIZE", String.valueOf(PAGE_SIZE));
            environment.put("CONNECTOR_SYNC_RESUME_EVERY", "1s");
            environment.put("CONNECTOR_DEMO_ENABLED", "false");
            replicas.add(ServiceProcess.start("connector-service", name, environment));
        }
        replicas.forEach(ServiceProcess::awaitReady);
    }

    /** Each test starts with both replicas running: the one a test killed is started again. */
    @AfterEach
    void bothReplicasRunning() {
        replicas.forEach(ServiceProcess::startAgain);
    }

    @AfterAll
    static void stop() {
        replicas.forEach(ServiceProcess::close);
        if (pms != null) {
            pms.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void givenTheReplicaPollingAConnectionKilledMidPoll_whenItsLeaseRunsOut_thenAnotherFinishesThePollWithin30s()
            throws Exception {
        // given: a polling connection; some replica takes its lease and is part-way through the first poll
        int servedBefore = pms.served();
        createPollingConnection();
        long poller = await("a replica polling the connection")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> pms.served() >= servedBefore + 3 ? leaseHolderPid("poll:" + CONNECTION) : null,
                        Objects::nonNull);
        assertThat(completedTypes()).as("the poll is still running").isLessThan(7);

        // when: that replica dies the hard way
        Instant killedAt = Instant.now();
        kill(poller);

        // then: another process holds the lease and every type's poll completes within 30 s
        await("another replica finishes the poll")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> completedTypes() == 7 && lastSuccessOfAllTypesAfter(killedAt));
        Duration takeover = Duration.between(killedAt, Instant.now());
        System.out.printf("failover: poll finished %d ms after the kill%n", takeover.toMillis());

        // and: every lease the PMS has was emitted; none twice beyond the one page in flight at the kill
        List<String> leases = pmsLeases();
        assertThat(leases).isNotEmpty();
        Map<String, Long> emitted = emittedLeases(CONNECTION);
        assertThat(emitted.keySet()).containsAll(leases);
        long repeats = emitted.values().stream().mapToLong(count -> count - 1).sum();
        assertThat(repeats).isLessThanOrEqualTo(PAGE_SIZE);
    }

    @Test
    void givenTheReplicaRunningASyncKilledMidRun_whenItsLeaseRunsOut_thenAnotherResumesItWithin30s() throws Exception {
        // given: a webhook connection (nothing polls it) whose Sync is part-way through on some replica
        String connection = CONNECTION + "-sync";
        createConnection(connection, "WEBHOOK");
        int servedBefore = pms.served();
        String operator = TestTokens.of("olivia", "acme", "operator");
        String runId = given().baseUri(replicas.getFirst().baseUrl()) // the replica that takes the request runs it
                .auth()
                .oauth2(operator)
                .post("/api/v1/connections/" + connection + "/sync")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        long runner = await("a replica running the Sync")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> pms.served() >= servedBefore + 3 ? leaseHolderPid("sync:" + connection) : null,
                        Objects::nonNull);
        assertThat(syncStatus(runId)).as("the Sync is still running").isEqualTo("RUNNING");

        // when
        Instant killedAt = Instant.now();
        kill(runner);

        // then: another replica resumes the run from its checkpoint and completes it
        await("another replica completes the Sync")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "COMPLETED".equals(syncStatus(runId)));
        System.out.printf(
                "failover: Sync completed %d ms after the kill%n",
                Duration.between(killedAt, Instant.now()).toMillis());
        Map<String, Long> emitted = emittedLeases(connection);
        assertThat(emitted.keySet()).containsAll(pmsLeases());
        assertThat(emitted.values().stream().mapToLong(count -> count - 1).sum())
                .isLessThanOrEqualTo(PAGE_SIZE);
    }

    /** From the database: the API's replica may be the one that was killed. */
    private static String syncStatus(String runId) throws SQLException {
        return queryOne("select status from sync_run where id::text = ?", runId, r -> r.getString(1));
    }

    private static List<String> pmsLeases() {
        return simulator.portfolio().list(Kind.LEASE, null, null).stream()
                .map(lease -> String.valueOf(lease.id()))
                .toList();
    }

    private static void createPollingConnection() {
        createConnection(CONNECTION, "POLLING");
    }

    private static void createConnection(String id, String mode) {
        String admin = TestTokens.of("adam", "acme", "admin");
        given().baseUri(RunningSystem.gateway())
                .auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of(
                        "id",
                        id,
                        "pmsType",
                        "buildium",
                        "apiBaseUrl",
                        pms.baseUrl(),
                        "mode",
                        mode,
                        "pollIntervalSeconds",
                        3600))
                .post("/api/v1/connections")
                .then()
                .statusCode(201);
        given().baseUri(RunningSystem.gateway())
                .auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("credential", "sim-client:sim-secret"))
                .put("/api/v1/connections/" + id + "/credentials")
                .then()
                .statusCode(200);
    }

    /** Kills the replica whose process id the lease names. */
    private static void kill(long pid) {
        ServiceProcess holder = replicas.stream()
                .filter(replica -> replica.pid() == pid)
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("the lease names process " + pid + ", not a replica of this test"));
        holder.kill();
    }

    private static Long leaseHolderPid(String lease) throws SQLException {
        String owner = queryOne("select owner from lease where name = ?", lease, r -> r.getString(1));
        return owner == null ? null : Long.parseLong(owner.substring(owner.lastIndexOf('/') + 1));
    }

    private static int completedTypes() throws SQLException {
        return queryOne(
                "select count(*) from poll_cursor where connection_id = ? and last_success_at is not null",
                CONNECTION,
                r -> r.getInt(1));
    }

    private static boolean lastSuccessOfAllTypesAfter(Instant killedAt) throws SQLException {
        Instant earliest = queryOne(
                "select min(last_success_at) from poll_cursor where connection_id = ?",
                CONNECTION,
                r -> r.getTimestamp(1) == null ? null : r.getTimestamp(1).toInstant());
        return earliest != null && earliest.isAfter(killedAt);
    }

    private static Map<String, Long> emittedLeases(String connection) {
        try (TestKafkaReader reader = new TestKafkaReader(Topics.changes(EntityType.LEASE))) {
            return reader.matching(r -> r.key() != null && r.key().startsWith("lease:" + connection + ":")).stream()
                    .map(ConsumerRecord::value)
                    .map(ConnectorFailoverIT::read)
                    .collect(Collectors.groupingBy(ChangeEvent::externalId, Collectors.counting()));
        }
    }

    private static ChangeEvent read(String json) {
        try {
            return ContractJson.mapper().readValue(json, ChangeEvent.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> T queryOne(String sql, String parameter, Row<T> reader) throws SQLException {
        try (Connection db = DriverManager.getConnection(
                        TestInfrastructure.jdbcUrl("connector_test"),
                        TestInfrastructure.dbUser(),
                        TestInfrastructure.dbPassword());
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? reader.read(rows) : null;
            }
        }
    }

    /** A PMS that answers slowly: forwards each request to the simulator after a fixed latency. */
    private static final class SlowProxy implements AutoCloseable {
        private final HttpServer server;
        private final HttpClient client = HttpClient.newHttpClient();
        private final String target;
        private final Duration latency;
        private final AtomicInteger served = new AtomicInteger();

        SlowProxy(String target, Duration latency) throws IOException {
            this.target = target;
            this.latency = latency;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", this::forward);
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        int served() {
            return served.get();
        }

        private void forward(HttpExchange exchange) throws IOException {
            try {
                Thread.sleep(latency);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (name.toLowerCase().startsWith("x-buildium")) {
                        values.forEach(value -> request.header(name, value));
                    }
                });
                HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().map().forEach((name, values) -> {
                    if (!name.equalsIgnoreCase("content-length")
                            && !name.equalsIgnoreCase("transfer-encoding")
                            && !name.startsWith(":")) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                exchange.sendResponseHeaders(
                        answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(answer.body());
                }
                served.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.close();
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
