package com.pmsbridge.connector.syncrun;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Sync settings. */
@ConfigMapping(prefix = "connector.sync")
public interface SyncRunConfig {
    /** Records per page (Buildium allows up to 1000). */
    @WithDefault("1000")
    int pageSize();

    /** Whether runs left RUNNING by a crash are resumed at startup. */
    @WithDefault("true")
    boolean resumeOnStart();

    /** Syncs one organisation may have running at once; more are refused with 429. */
    @WithDefault("3")
    int runningPerOrganisation();
}
