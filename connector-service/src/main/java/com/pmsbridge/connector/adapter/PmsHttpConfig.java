package com.pmsbridge.connector.adapter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the connector calls PMS APIs. */
@ConfigMapping(prefix = "connector.pms-http")
public interface PmsHttpConfig {
    /** Requests per second per connection; Buildium allows 10. */
    @WithDefault("9")
    int requestsPerSecond();

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
}
