package com.pmsbridge.gateway.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Per-caller request limits at the gateway. */
@ConfigMapping(prefix = "gateway.rate-limit")
public interface RateLimitConfig {
    /** Sustained requests per minute per token subject. */
    @WithDefault("600")
    int requestsPerMinute();

    /** Requests a caller may send at once above the sustained rate. */
    @WithDefault("60")
    int burst();
}
