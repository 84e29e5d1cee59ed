package com.pmsbridge.contract.event;

import java.time.Instant;
import java.util.List;

/**
 * A connector Sync (full snapshot read of a PMS account) finished: every snapshot change event of the run
 * ({@code op = r}) was acknowledged by Kafka between {@code startedAt} and {@code completedAt}. Published on
 * {@code pms.connector.sync-runs.v1}; sync-service compares the snapshot with its state (reconciliation).
 *
 * @param runId        the Sync run
 * @param entityTypes  the entity types the run read completely (wire names)
 * @param records      snapshot change events the run emitted
 */
public record SyncRunCompleted(
        int schemaVersion,
        String runId,
        String org,
        String connectionId,
        List<String> entityTypes,
        Instant startedAt,
        Instant completedAt,
        long records) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CLOUD_EVENT_TYPE = "com.pmsbridge.connector.sync-run.completed.v1";
}
