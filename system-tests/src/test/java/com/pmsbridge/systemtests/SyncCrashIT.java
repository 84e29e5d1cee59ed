package com.pmsbridge.systemtests;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.testsupport.TestInfrastructure;
import com.pmsbridge.testsupport.TestKafkaWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly-once projection under a crash: sync-service is killed with SIGKILL in the middle of a stream of change
 * events and started again; afterwards every event is in the event store once, each entity's history is contiguous,
 * and each entity's state is its newest change.
 */
class SyncCrashIT {
    /*
     * 40,000 changes, sent while they are projected: over a second of work, so the kill (after a tenth is stored) lands
     * mid-stream. Units, not leases: a unit's changes derive no lifecycle events, so the stream does not leave 40,000
     * queue items behind for the tests that follow.
     */
    private static final int ENTITIES = 800;
    private static final int CHANGES = 50;

    @BeforeAll
    static void system() {
        RunningSystem.start();
    }

    @Test
    void givenStreamOfChanges_whenSyncServiceKilledMidStreamAndRestarted_thenStateAndHistoryExactlyOnce()
            throws Exception {
        // given
        String connection = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        List<ChangeEvent> events = new ArrayList<>();
        for (int change = 1; change <= CHANGES; change++) {
            for (int entity = 0; entity < ENTITIES; entity++) {
                String version = Instant.parse("2026-11-23T08:00:00Z")
                        .plusSeconds(change)
                        .toString();
                events.add(new ChangeEvent(
                        1,
                        UUID.randomUUID().toString(),
                        "acme",
                        connection,
                        "generic",
                        EntityType.UNIT,
                        "U-" + entity,
                        Op.UPDATE,
                        version,
                        null,
                        Instant.parse(version),
                        Instant.now(),
                        Map.of("id", "U-" + entity, "revision", change, "status", "OCCUPIED")));
            }
        }
        // sent while the projection runs: the kill below comes while the stream is still arriving (sent first and
        // then killed, the projection had sometimes finished everything before the kill)
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            try (TestKafkaWriter writer = new TestKafkaWriter()) {
                writer.sendAll(events);
            }
        });

        // when: killed once a part is projected, then started again
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> count("select count(*) from event_store where connection_id = '" + connection + "'")
                        >= events.size() / 10);
        long projectedAtKill = count("select count(*) from event_store where connection_id = '" + connection + "'");
        RunningSystem.sync().killAndRestart();
        sending.get(120, TimeUnit.SECONDS);
        RunningSystem.sync().awaitReady();

        // then
        assertThat(projectedAtKill).as("killed mid-stream").isLessThan(events.size());
        await().atMost(Duration.ofSeconds(180))
                .until(() -> count("select count(*) from event_store where connection_id = '" + connection + "'")
                        >= events.size());
        assertThat(count("select count(*) from event_store where connection_id = '" + connection + "'"))
                .isEqualTo(events.size());
        assertThat(count("select count(distinct event_id) from event_store where connection_id = '" + connection + "'"))
                .isEqualTo(events.size());
        assertThat(count("select count(*) from (select entity_key from event_store where connection_id = '" + connection
                        + "' group by entity_key having max(entity_seq) <> " + CHANGES + " or count(*) <> " + CHANGES
                        + ") broken"))
                .isZero();
        assertThat(count("select count(*) from entity_state where connection_id = '" + connection
                        + "' and data->>'revision' = '" + CHANGES + "' and last_seq = " + CHANGES))
                .isEqualTo(ENTITIES);
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(
                        TestInfrastructure.jdbcUrl("sync_test"),
                        TestInfrastructure.dbUser(),
                        TestInfrastructure.dbPassword());
                ResultSet result = db.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
