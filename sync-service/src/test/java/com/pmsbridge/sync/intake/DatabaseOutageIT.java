package com.pmsbridge.sync.intake;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.sync.projection.EntityState;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestChanges;
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
import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The database goes away while changes arrive: they wait for it instead of ending in the dead-letter topic. */
@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "sync_test"))
class DatabaseOutageIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    @Test
    void givenTheDatabaseRefusesConnections_whenAChangeArrives_thenItWaitsAndIsProjectedWhenTheDatabaseIsBack()
            throws Exception {
        String leaseId = "L-" + UUID.randomUUID();
        ChangeEvent change = lease(leaseId);
        double waitsBefore = outageRetries();
        try (Connection admin = DriverManager.getConnection(
                        TestInfrastructure.jdbcUrl("sync_test"),
                        TestInfrastructure.dbUser(),
                        TestInfrastructure.dbPassword());
                TestKafkaWriter writer = new TestKafkaWriter();
                TestKafkaReader dlq = new TestKafkaReader("pms.dlq.v1")) {
            try {
                // given: no new connections, and the service's pooled ones are cut
                execute(admin, "alter database sync_test connection limit 0");
                execute(
                        admin,
                        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database()"
                                + " and pid <> pg_backend_pid() and usename = current_user");

                // when
                writer.send(change);

                // then: the batch waits (counted) ...
                await().atMost(TIMEOUT).until(() -> outageRetries() > waitsBefore);
            } finally {
                execute(admin, "alter database sync_test connection limit -1");
            }
            // ... and is projected once the database accepts connections again, not dead-lettered
            String key = change.key().value();
            await().atMost(TIMEOUT).until(() -> state(key) != null);
            assertThat(state(key).data).containsEntry("rent", "1725.00");
            assertThat(dlq.withKey(key)).isEmpty();
        }
    }

    private double outageRetries() {
        return metrics.counter("pms_sync_batch_retries_total", "cause", "database_unavailable")
                .count();
    }

    private EntityState state(String key) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> em.find(EntityState.class, key));
        } catch (RuntimeException stillRecovering) {
            return null; // the test's own pool was cut too
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static ChangeEvent lease(String leaseId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", leaseId);
        data.put("rent", "1725.00");
        data.put("status", "FUTURE");
        String version = "2026-11-23T10:00:00Z";
        return TestChanges.of("acme", "conn-outage", EntityType.LEASE, leaseId, Op.UPDATE, version, data);
    }
}
