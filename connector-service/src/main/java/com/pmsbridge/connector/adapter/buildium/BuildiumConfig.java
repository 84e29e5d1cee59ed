package com.pmsbridge.connector.adapter.buildium;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the Buildium adapter. */
@ConfigMapping(prefix = "connector.buildium")
public interface BuildiumConfig {
    /** How far buildium-webhook-timestamp may be from our clock before the webhook counts as a replay. */
    @WithDefault("PT5M")
    Duration replayWindow();
}
