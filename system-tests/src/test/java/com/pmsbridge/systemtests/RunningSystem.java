package com.pmsbridge.systemtests;

import com.pmsbridge.testsupport.KafkaTopics;
import com.pmsbridge.testsupport.TestInfrastructure;
import com.pmsbridge.testsupport.TestOidcServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four packaged services as separate processes against the real test broker and database, with tokens
 * verified against {@link TestOidcServer}, or against the real Keycloak that deploy/local/test.sh starts for the
 * console's browser tests. Started once per test JVM and stopped when it exits.
 */
public final class RunningSystem {
    /** The console's browser tests reach the gateway here: the demo realm lists it as a redirect URI. */
    public static final int KEYCLOAK_GATEWAY_PORT = 18080;

    private static boolean keycloak;
    private static TestOidcServer oidc;
    private static TraceCollector traces;
    private static ServiceProcess connector;
    private static ServiceProcess sync;
    private static ServiceProcess queue;
    private static ServiceProcess gateway;

    private RunningSystem() {}

    static synchronized void start() {
        start(false);
    }

    /** The system trusting the demo realm of the Keycloak at {@code pms.test.keycloak} (realm users log in). */
    public static synchronized void startWithKeycloak() {
        start(true);
    }

    private static void start(boolean withKeycloak) {
        if (gateway != null) {
            if (keycloak != withKeycloak) {
                throw new IllegalStateException("one test JVM runs one flavour of the system");
            }
            return;
        }
        keycloak = withKeycloak;
        // stopped at exit, and at once when one of them fails to start: a half-started system must not leave
        // services running that consume the next tests' topics and databases
        if (!hookRegistered) {
            Runtime.getRuntime().addShutdownHook(new Thread(RunningSystem::stop));
            hookRegistered = true;
        }
        try {
            startAll();
        } catch (RuntimeException e) {
            stop();
            gateway = null;
            throw e;
        }
    }

    private static boolean hookRegistered;

    private static void startAll() {
        KafkaTopics.createContractTopics(TestInfrastructure.kafkaBootstrapServers());
        traces = TraceCollector.start();
        if (!keycloak) {
            oidc = TestOidcServer.start();
        }
        connector = ServiceProcess.start("connector-service", connectorEnvironment());
        sync = ServiceProcess.start(
                "sync-service",
                backendEnv(
                        "sync_test",
                        Map.of(
                                "MP_MESSAGING_INCOMING_CHANGE_EVENTS_GROUP_ID", "sync-service-e2e",
                                "SYNC_FRESHNESS_FLUSH_INTERVAL", "2s")));
        queue = ServiceProcess.start(
                "queue-service",
                backendEnv("queue_test", Map.of("MP_MESSAGING_INCOMING_DOMAIN_EVENTS_GROUP_ID", "queue-service-e2e")));
        for (ServiceProcess backend : List.of(connector, sync, queue)) {
            backend.awaitReady();
        }
        Map<String, String> gatewayEnv = new HashMap<>(tracing());
        gatewayEnv.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuer());
        // the demo realm's committed client secret (deploy/keycloak/pms-realm.json); the test provider checks none
        gatewayEnv.put("GATEWAY_OIDC_CLIENT_SECRET", keycloak ? "pms-gateway-secret" : "system-test-client-secret");
        gatewayEnv.put("GATEWAY_ROUTES_WEBHOOKS_TARGET_URL", connector.baseUrl());
        gatewayEnv.put("GATEWAY_ROUTES_CONNECTIONS_TARGET_URL", connector.baseUrl());
        gatewayEnv.put("GATEWAY_ROUTES_ENTITIES_TARGET_URL", sync.baseUrl());
        gatewayEnv.put("GATEWAY_ROUTES_CONFLICTS_TARGET_URL", sync.baseUrl());
        gatewayEnv.put("GATEWAY_ROUTES_RECONCILIATIONS_TARGET_URL", sync.baseUrl());
        gatewayEnv.put("GATEWAY_ROUTES_QUEUE_TARGET_URL", queue.baseUrl());
        // A refill of one request a minute: the rate-limit test's burst cannot be refilled while it runs, however slow.
        gatewayEnv.put("GATEWAY_RATE_LIMIT_BURST", String.valueOf(GATEWAY_BURST));
        gatewayEnv.put("GATEWAY_RATE_LIMIT_REQUESTS_PER_MINUTE", "1");
        gateway = keycloak
                ? ServiceProcess.start("api-gateway", gatewayEnv, KEYCLOAK_GATEWAY_PORT)
                : ServiceProcess.start("api-gateway", gatewayEnv);
        gateway.awaitReady();
    }

    /** How the system tests run connector-service (another instance of it is started with the same). */
    static Map<String, String> connectorEnvironment() {
        return backendEnv(
                "connector_test",
                Map.of(
                        "CONNECTOR_DEMO_ENABLED", "true",
                        "CONNECTOR_DEMO_WEBHOOK_SECRET", "pms-demo-secret",
                        // the keys of connector-service's %test profile: its ITs stored secrets in the same database
                        "CONNECTOR_SECRETS_KEYS", TEST_PROFILE_KEYS,
                        "CONNECTOR_SECRETS_PRIMARY_KEY_ID", "test",
                        "CONNECTOR_OUTBOUND_PLATFORM_HOSTS", "127.0.0.1",
                        // the system tests name their connections
                        "CONNECTOR_CONNECTIONS_ALLOW_PROPOSED_IDS", "true",
                        // counts for the console every 2 s, so its tests need not wait 15 s
                        "CONNECTOR_WEBHOOKS_REJECTIONS_FLUSH_INTERVAL", "2s",
                        // polls and abandoned Syncs belong to ConnectorFailoverIT's replicas, which it kills
                        "CONNECTOR_POLLING_ENABLED", "false",
                        "CONNECTOR_SYNC_RESUME_ABANDONED", "false"));
    }

    static ServiceProcess connector() {
        return connector;
    }

    /** connector-service's %test key-encryption keys (application.properties); test-only values. */
    private static final String TEST_PROFILE_KEYS = "test-old:dGVzdC1rZXktb2xkLW5vdC1mb3ItcHJvZHVjdGlvbi0=,"
            + "test:dGVzdC1rZXktbm90LWZvci1wcm9kdWN0aW9uLXVzZS0=";

    /** Requests one token subject may send before the gateway answers 429. */
    static final int GATEWAY_BURST = 300;

    public static String gateway() {
        return gateway.baseUrl();
    }

    /** The issuer the services trust. */
    public static String issuer() {
        return keycloak ? keycloakIssuer() : oidc.issuer();
    }

    /** The demo realm of the Keycloak that deploy/local/test.sh starts. */
    public static String keycloakIssuer() {
        String url = System.getProperty("pms.test.keycloak");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("pms.test.keycloak is not set: run the tests with deploy/local/test.sh,"
                    + " which starts Keycloak with the demo realm");
        }
        return url;
    }

    public static ServiceProcess queue() {
        return queue;
    }

    /** What a service has logged so far. */
    static String log(String module) {
        try {
            return Files.readString(Path.of("target", module + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceProcess sync() {
        return sync;
    }

    static List<ServiceProcess> services() {
        return List.of(connector, sync, queue, gateway);
    }

    private static synchronized void stop() {
        for (ServiceProcess process : new ServiceProcess[] {gateway, queue, sync, connector}) {
            try {
                // the browser tests' system would overwrite the system tests' capture with fewer series
                if (process != null && !keycloak) {
                    process.captureMetrics(Path.of("target", "captured-metrics"));
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                System.err.println("could not capture metrics: " + e);
            }
        }
        for (ServiceProcess process : new ServiceProcess[] {gateway, queue, sync, connector}) {
            if (process != null) {
                process.close();
            }
        }
        if (oidc != null) {
            oidc.close();
        }
        if (traces != null) {
            traces.close();
        }
        gateway = null;
        queue = null;
        sync = null;
        connector = null;
        oidc = null;
        traces = null;
    }

    /** Every span the running services exported. */
    static TraceCollector traces() {
        return traces;
    }

    /** Every span sampled and exported at once to {@link TraceCollector} (the services' default samples none). */
    private static Map<String, String> tracing() {
        return Map.of(
                "QUARKUS_OTEL_TRACES_SAMPLER_ARG", "1.0",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint(),
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
    }

    private static Map<String, String> backendEnv(String database, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.putAll(tracing());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", TestInfrastructure.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", TestInfrastructure.dbUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", TestInfrastructure.dbPassword());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuer());
        return env;
    }
}
