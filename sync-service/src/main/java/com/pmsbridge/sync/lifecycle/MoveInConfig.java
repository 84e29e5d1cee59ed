package com.pmsbridge.sync.lifecycle;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** Move-ins announced when a lease's move-in date is reached. */
@ConfigMapping(prefix = "sync.move-in")
public interface MoveInConfig {
    /** How often leases are checked for a reached move-in date (read by the schedule). */
    @WithDefault("15m")
    String checkInterval();

    /** The time zone whose calendar date decides that a move-in date is reached. */
    @WithDefault("UTC")
    ZoneId zone();
}
