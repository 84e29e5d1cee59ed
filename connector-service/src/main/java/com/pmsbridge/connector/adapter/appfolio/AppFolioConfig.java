package com.pmsbridge.connector.adapter.appfolio;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the AppFolio adapter. */
@ConfigMapping(prefix = "connector.appfolio")
public interface AppFolioConfig {
    /** How far message_sent_at may be from our clock before the webhook counts as a replay. */
    @WithDefault("PT5M")
    Duration replayWindow();

    /** Least time between two JWKS reads of one issuer (an unknown kid triggers a read). */
    @WithDefault("PT10S")
    Duration jwksMinRefreshInterval();
}
