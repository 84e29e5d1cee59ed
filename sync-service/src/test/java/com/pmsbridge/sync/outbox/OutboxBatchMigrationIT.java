package com.pmsbridge.sync.outbox;

import com.pmsbridge.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V8 replaced the one-row-per-record outbox by batches; records still waiting at the upgrade must reach Kafka
 * afterwards, in order, with their headers. Runs the real migrations on the test PostgreSQL server, in a schema of
 * its own: up to V7, records written the old way, then the rest.
 */
class OutboxBatchMigrationIT {
    private final String schema =
            "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        connection = DriverManager.getConnection(
                TestInfrastructure.jdbcUrl("sync_test"), TestInfrastructure.dbUser(), TestInfrastructure.dbPassword());
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
        connection.close();
    }

    @Test
    void givenRecordsWaitingInTheOldOutbox_whenMigrated_thenEachIsABatchInOrderWithItsFields() throws SQLException {
        // given: the schema before V8, and three records not yet published: a state, a tombstone, non-ASCII text
        migrate("7");
        insertOld(
                "e-1",
                "pms.lease.state.v1",
                "lease:c:L-1",
                "com.pmsbridge.lease.state.v1",
                "L-1",
                "{\"rent\":\"1.00\"}");
        insertOld("e-2", "pms.lease.state.v1", "lease:c:L-2", "com.pmsbridge.lease.state.v1", null, null);
        insertOld(
                "e-3",
                "pms.domain-events.v1",
                "lease:c:L-3",
                "com.pmsbridge.lease.modified",
                "L-3",
                "{\"name\":\"Zoë Müller – 東京\"}");

        // when
        migrate(null);

        // then
        List<OutboxBatch.Record> records = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select record_count, records from " + schema + ".outbox_batch order by id")) {
            while (rows.next()) {
                assertThat(rows.getInt(1)).isEqualTo(1);
                records.addAll(OutboxBatch.decode(rows.getBytes(2)));
            }
        }
        assertThat(records).extracting(r -> text(r.eventId())).containsExactly("e-1", "e-2", "e-3");
        assertThat(records.getFirst().topic()).isEqualTo("pms.lease.state.v1");
        assertThat(text(records.getFirst().key())).isEqualTo("lease:c:L-1");
        assertThat(text(records.getFirst().ceType())).isEqualTo("com.pmsbridge.lease.state.v1");
        assertThat(text(records.getFirst().subject())).isEqualTo("L-1");
        assertThat(text(records.getFirst().org())).isEqualTo("acme");
        assertThat(text(records.getFirst().payload())).isEqualTo("{\"rent\":\"1.00\"}");
        assertThat(records.get(1).payload()).isNull();
        assertThat(records.get(1).subject()).isNull();
        assertThat(text(records.get(2).payload())).isEqualTo("{\"name\":\"Zoë Müller – 東京\"}");
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select to_regclass('" + schema + ".outbox')")) {
            rows.next();
            assertThat(rows.getString(1)).as("the old outbox is gone").isNull();
        }
    }

    private void migrate(String target) {
        var config = Flyway.configure()
                .dataSource(
                        TestInfrastructure.jdbcUrl("sync_test"),
                        TestInfrastructure.dbUser(),
                        TestInfrastructure.dbPassword())
                .schemas(schema)
                .locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    private void insertOld(String eventId, String topic, String key, String type, String subject, String payload)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into " + schema
                        + ".outbox (event_id, topic, record_key, ce_type, ce_subject, org, payload) values (?, ?, ?, ?, ?, 'acme', ?)")) {
            insert.setString(1, eventId);
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setString(4, type);
            insert.setString(5, subject);
            insert.setString(6, payload);
            insert.executeUpdate();
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
