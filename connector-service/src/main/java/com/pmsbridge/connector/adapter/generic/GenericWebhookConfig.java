package com.pmsbridge.connector.adapter.generic;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the generic adapter. */
@ConfigMapping(prefix = "connector.generic")
public interface GenericWebhookConfig {
    /** How far X-PMS-Timestamp may be from our clock before a webhook counts as a replay. */
    @WithDefault("PT5M")
    Duration replayWindow();
}
