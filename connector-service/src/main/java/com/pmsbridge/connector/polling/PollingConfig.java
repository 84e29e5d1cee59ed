package com.pmsbridge.connector.polling;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Cursor polling of PMSes that do not push (or as a catch-up behind webhooks). */
@ConfigMapping(prefix = "connector.polling")
public interface PollingConfig {
    /** Whether the poll scheduler runs. */
    @WithDefault("true")
    boolean enabled();

    /** How far back each poll reaches before its cursor, so updates at the boundary are not missed. */
    @WithDefault("PT2M")
    Duration overlap();

    /** Records per page (Buildium allows up to 1000). */
    @WithDefault("500")
    int pageSize();

    /** Connections polled at the same time; each has its own thread, so a slow PMS delays only its own poll. */
    @WithDefault("4")
    int parallelConnections();

    /** Longest wait before a connection whose polls keep failing is polled again. */
    @WithDefault("PT1H")
    Duration maxFailureBackoff();
}
