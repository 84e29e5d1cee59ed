package com.pmsbridge.connector.syncrun;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Sync settings. */
@ConfigMapping(prefix = "connector.sync")
public interface SyncRunConfig {
    /** Records per page (Buildium allows up to 1000). */
    @WithDefault("1000")
    int pageSize();

    /** Whether runs that run nowhere (their replica died, or the service restarted) are resumed. */
    @WithDefault("true")
    boolean resumeAbandoned();

    /** How often a replica looks for such runs (the resume-every setting, read by the schedule). */
    @WithDefault("10s")
    String resumeEvery();

    /** Syncs one organisation may have running at once; more are refused with 429. */
    @WithDefault("3")
    int runningPerOrganisation();
}
