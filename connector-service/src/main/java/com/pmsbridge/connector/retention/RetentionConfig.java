package com.pmsbridge.connector.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long the connector keeps the rows that only guard against repeats. */
@ConfigMapping(prefix = "connector.retention")
public interface RetentionConfig {
    /** Webhook deliveries (redelivery dedupe); PMSes retry for hours, not weeks. */
    @WithDefault("P14D")
    Duration webhookDeliveries();

    /** Fingerprints of entities unchanged this long (a purged one is emitted once more at its next read). */
    @WithDefault("P90D")
    Duration fingerprints();

    /** Finished write-back commands (their outcome answers a redelivered command). */
    @WithDefault("P90D")
    Duration finishedWritebacks();

    /** Rows deleted per statement, so a purge never holds long locks. */
    @WithDefault("5000")
    int batchSize();
}
