package com.pmsbridge.testcontainers;

import com.pmsbridge.testsupport.TestInfrastructure;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * For developers with Docker and without the local Kafka and PostgreSQL ({@code ./mvnw verify -Ptestcontainers}):
 * before the integration tests of a module run, starts Kafka and PostgreSQL in containers, creates the test
 * databases, and points {@link TestInfrastructure} at them. Only the integration tests' JVM asks for it (Failsafe
 * passes {@code pms.test.containers=true} in that profile); the containers end with the JVM.
 */
public class ContainerInfrastructure implements LauncherSessionListener {
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String POSTGRES_IMAGE = "postgres:15";
    static final List<String> DATABASES = List.of("connector_test", "sync_test", "queue_test");

    private KafkaContainer kafka;
    private PostgreSQLContainer postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("pms.test.containers") || kafka != null) {
            return;
        }
        kafka = new KafkaContainer(KAFKA_IMAGE);
        postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withUsername(TestInfrastructure.dbUser())
                .withPassword(TestInfrastructure.dbPassword())
                .withDatabaseName("postgres");
        kafka.start();
        postgres.start();
        createDatabases();
        System.setProperty("pms.test.kafka", kafka.getBootstrapServers());
        System.setProperty("pms.test.db-host", postgres.getHost());
        System.setProperty("pms.test.db-port", String.valueOf(postgres.getMappedPort(5432)));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (kafka != null) {
            kafka.stop();
            postgres.stop();
        }
    }

    private void createDatabases() {
        try (Connection connection = DriverManager.getConnection(
                        postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
                Statement statement = connection.createStatement()) {
            for (String database : DATABASES) {
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test databases in the container", e);
        }
    }
}
