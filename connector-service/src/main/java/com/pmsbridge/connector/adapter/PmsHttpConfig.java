package com.pmsbridge.connector.adapter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the connector calls PMS APIs. */
@ConfigMapping(prefix = "connector.pms-http")
public interface PmsHttpConfig {
    /** Requests per second per connection, all replicas together; Buildium allows 10. */
    @WithDefault("9")
    int requestsPerSecond();

    /**
     * Replicas of connector-service that call PMSes (the most the autoscaler may run): each keeps to its share of
     * the per-connection rate, so together they keep to the PMS's limit.
     */
    @WithDefault("1")
    int replicas();

    /** Attempts per request when the PMS answers 429 or 5xx or does not answer. */
    @WithDefault("6")
    int maxAttempts();

    /** First retry delay; doubles per attempt. */
    @WithDefault("200")
    long initialBackoffMs();

    /** Longest retry delay. */
    @WithDefault("5000")
    long maxBackoffMs();

    /** Timeout of one request. */
    @WithDefault("10000")
    long timeoutMs();

    /** Requests one connection may have in flight at once; further calls wait within their time budget. */
    @WithDefault("4")
    int maxConcurrentCalls();

    /** The most one call may take, waiting for a slot, retries and backoff included; then it fails as "time_budget". */
    @WithDefault("PT45S")
    Duration callBudget();

    /** Consecutive failed calls (after their retries) that open a connection's circuit. */
    @WithDefault("5")
    int circuitFailureThreshold();

    /** How long an open circuit fails calls at once before one trial call; doubles while trials fail. */
    @WithDefault("PT30S")
    Duration circuitOpenFor();

    /** Longest an open circuit waits before a trial call. */
    @WithDefault("PT10M")
    Duration circuitMaxOpenFor();
}
