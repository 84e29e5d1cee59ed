package com.pmsbridge.sync.freshness;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The console's per-connection freshness (see {@link FreshnessLedger}). */
@ConfigMapping(prefix = "sync.freshness")
public interface FreshnessConfig {
    /** How often each replica adds the freshness it counted to the shared tally (read by the schedule). */
    @WithDefault("30s")
    String flushInterval();
}
