package com.pmsbridge.connector.lease;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Leases of work that one connector replica at a time may do. */
@ConfigMapping(prefix = "connector.leases")
public interface LeaseConfig {
    /** How long a lease lasts unless renewed: the longest a dead replica's work waits for another replica. */
    @WithDefault("PT20S")
    Duration duration();
}
