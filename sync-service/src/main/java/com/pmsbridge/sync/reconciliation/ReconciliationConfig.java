package com.pmsbridge.sync.reconciliation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Reconciliation of a connector Sync's snapshot with the hub's state. */
@ConfigMapping(prefix = "sync.reconciliation")
public interface ReconciliationConfig {
    /** How often announced Syncs are checked for a fully projected snapshot (read by the schedule). */
    @WithDefault("2s")
    String checkInterval();

    /** How long to wait for a Sync's snapshot events to be projected before comparing anyway. */
    @WithDefault("PT5M")
    Duration maxWait();

    /**
     * Records missing in the PMS are deleted in the hub (and their lifecycle events reach the queue) only while they
     * are at most this share of the snapshot; above it the report waits for a human (NEEDS_REVIEW).
     */
    @WithDefault("0.05")
    double maxAutoDeleteRatio();

    /** Drifted records listed in a report (the counts are always complete). */
    @WithDefault("500")
    int maxDetails();
}
