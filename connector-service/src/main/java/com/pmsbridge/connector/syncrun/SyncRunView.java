package com.pmsbridge.connector.syncrun;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Progress of a Sync as the API shows it; {@code recordsPerSecond} over the run's elapsed time. */
public record SyncRunView(
        UUID id,
        String connectionId,
        String status,
        String currentType,
        int pages,
        int records,
        int errors,
        double recordsPerSecond,
        Instant startedAt,
        Instant finishedAt,
        String lastError) {

    static SyncRunView of(SyncRun run) {
        Instant end = run.finishedAt == null ? Instant.now() : run.finishedAt;
        double seconds = Math.max(0.001, Duration.between(run.startedAt, end).toMillis() / 1000.0);
        return new SyncRunView(
                run.id,
                run.connectionId,
                run.status,
                run.currentType,
                run.pages,
                run.records,
                run.errors,
                Math.round(run.records / seconds * 10) / 10.0,
                run.startedAt,
                run.finishedAt,
                run.lastError);
    }
}
