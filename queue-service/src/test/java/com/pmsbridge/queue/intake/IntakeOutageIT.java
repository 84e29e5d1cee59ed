package com.pmsbridge.queue.intake;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.LifecycleType;
import com.pmsbridge.queue.item.QueueItem;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestInfrastructure;
import com.pmsbridge.testsupport.TestKafkaReader;
import com.pmsbridge.testsupport.TestKafkaWriter;
import com.pmsbridge.testsupport.TestOidcResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** PostgreSQL goes away while lifecycle events arrive: they wait for it instead of ending in the dead-letter topic. */
@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "queue_test"))
class IntakeOutageIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    MeterRegistry metrics;

    @Test
    void givenTheDatabaseRefusesConnections_whenALifecycleEventArrives_thenItWaitsAndBecomesAnItemAfterwards()
            throws Exception {
        String entityKey = "lease:conn-q:" + UUID.randomUUID();
        LifecycleEvent event = new LifecycleEvent(
                LifecycleEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                LifecycleType.LEASE_CREATED,
                "acme",
                "conn-q",
                EntityType.LEASE,
                entityKey,
                "P-7",
                "U-7",
                List.of("status"),
                Map.of(),
                Map.of("status", "FUTURE"),
                List.of(UUID.randomUUID().toString()),
                Instant.now());
        double waitsBefore = waits();
        try (Connection admin = DriverManager.getConnection(
                        TestInfrastructure.jdbcUrl("queue_test"),
                        TestInfrastructure.dbUser(),
                        TestInfrastructure.dbPassword());
                TestKafkaWriter writer = new TestKafkaWriter();
                TestKafkaReader dlq = new TestKafkaReader(Topics.DLQ)) {
            try {
                // given: no new connections, and the service's pooled ones are cut
                execute(admin, "alter database queue_test connection limit 0");
                execute(
                        admin,
                        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database()"
                                + " and pid <> pg_backend_pid() and usename = current_user");

                // when
                writer.sendRaw(
                        Topics.DOMAIN_EVENTS, entityKey, ContractJson.mapper().writeValueAsString(event));

                // then: the intake waits (counted) ...
                await().atMost(TIMEOUT).until(() -> waits() > waitsBefore);
            } finally {
                execute(admin, "alter database queue_test connection limit -1");
            }
            // ... and creates the item once the database is back, with nothing dead-lettered
            await().atMost(TIMEOUT).until(() -> items(entityKey) == 1);
            assertThat(dlq.withKey(entityKey)).isEmpty();
        }
    }

    private double waits() {
        return metrics.counter("pms_queue_intake_retries_total", "cause", "transient")
                .count();
    }

    private static long items(String entityKey) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> QueueItem.count("entityKey", entityKey));
        } catch (RuntimeException stillRecovering) {
            return -1; // the test's own pool was cut too
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
