package com.pmsbridge.systemtests;

import com.pmsbridge.testsupport.KafkaTopics;
import com.pmsbridge.testsupport.TestInfrastructure;
import com.pmsbridge.testsupport.TestOidcServer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four packaged services as separate processes against the real test broker and database, with tokens
 * verified against {@link TestOidcServer}. Started once per test JVM and stopped when it exits.
 */
final class RunningSystem {
    private static TestOidcServer oidc;
    private static ServiceProcess connector;
    private static ServiceProcess sync;
    private static ServiceProcess queue;
    private static ServiceProcess gateway;

    private RunningSystem() {}

    static synchronized void start() {
        if (gateway != null) {
            return;
        }
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
        oidc = TestOidcServer.start();
        connector = ServiceProcess.start(
                "connector-service",
                backendEnv(
                        "connector_test",
                        Map.of(
                                "CONNECTOR_DEMO_ENABLED", "true",
                                "CONNECTOR_DEMO_WEBHOOK_SECRET", "pms-demo-secret",
                                // the keys of connector-service's %test profile: its ITs stored secrets in the same
                                // database
                                "CONNECTOR_SECRETS_KEYS", TEST_PROFILE_KEYS,
                                "CONNECTOR_SECRETS_PRIMARY_KEY_ID", "test",
                                "CONNECTOR_OUTBOUND_PLATFORM_HOSTS", "127.0.0.1")));
        sync = ServiceProcess.start(
                "sync-service",
                backendEnv("sync_test", Map.of("MP_MESSAGING_INCOMING_CHANGE_EVENTS_GROUP_ID", "sync-service-e2e")));
        queue = ServiceProcess.start(
                "queue-service",
                backendEnv("queue_test", Map.of("MP_MESSAGING_INCOMING_DOMAIN_EVENTS_GROUP_ID", "queue-service-e2e")));
        for (ServiceProcess backend : List.of(connector, sync, queue)) {
            backend.awaitReady();
        }
        Map<String, String> gatewayEnv = new HashMap<>();
        gatewayEnv.put("QUARKUS_OIDC_AUTH_SERVER_URL", oidc.issuer());
        gatewayEnv.put("GATEWAY_OIDC_CLIENT_SECRET", "system-test-client-secret");
        gatewayEnv.put("GATEWAY_ROUTES_WEBHOOKS_TARGET_URL", connector.baseUrl());
        gatewayEnv.put("GATEWAY_ROUTES_CONNECTIONS_TARGET_URL", connector.baseUrl());
        gatewayEnv.put("GATEWAY_ROUTES_ENTITIES_TARGET_URL", sync.baseUrl());
        gatewayEnv.put("GATEWAY_ROUTES_CONFLICTS_TARGET_URL", sync.baseUrl());
        gatewayEnv.put("GATEWAY_ROUTES_RECONCILIATIONS_TARGET_URL", sync.baseUrl());
        gatewayEnv.put("GATEWAY_ROUTES_QUEUE_TARGET_URL", queue.baseUrl());
        // A refill of one request a minute: the rate-limit test's burst cannot be refilled while it runs, however slow.
        gatewayEnv.put("GATEWAY_RATE_LIMIT_BURST", String.valueOf(GATEWAY_BURST));
        gatewayEnv.put("GATEWAY_RATE_LIMIT_REQUESTS_PER_MINUTE", "1");
        gateway = ServiceProcess.start("api-gateway", gatewayEnv);
        gateway.awaitReady();
    }

    /** connector-service's %test key-encryption keys (application.properties); test-only values. */
    private static final String TEST_PROFILE_KEYS = "test-old:dGVzdC1rZXktb2xkLW5vdC1mb3ItcHJvZHVjdGlvbi0=,"
            + "test:dGVzdC1rZXktbm90LWZvci1wcm9kdWN0aW9uLXVzZS0=";

    /** Requests one token subject may send before the gateway answers 429. */
    static final int GATEWAY_BURST = 300;

    static String gateway() {
        return gateway.baseUrl();
    }

    /** What a service has logged so far. */
    static String log(String module) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("target", module + ".log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
                if (process != null) {
                    process.captureMetrics(java.nio.file.Path.of("target", "captured-metrics"));
                }
            } catch (java.io.IOException | InterruptedException | RuntimeException e) {
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
        gateway = null;
        queue = null;
        sync = null;
        connector = null;
        oidc = null;
    }

    private static Map<String, String> backendEnv(String database, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", TestInfrastructure.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", TestInfrastructure.dbUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", TestInfrastructure.dbPassword());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", oidc.issuer());
        return env;
    }
}
