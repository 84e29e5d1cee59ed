package com.pmsbridge.connector.connection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The demo connection that the local stack and the end-to-end test use. */
@ConfigMapping(prefix = "connector.demo")
public interface DemoConnectionConfig {
    /** Whether to create the demo connection at startup (off in production). */
    @WithDefault("false")
    boolean enabled();

    /** Id of the demo connection; webhooks arrive at /webhooks/{id}. */
    @WithDefault("demo-generic")
    String connectionId();

    /** Organisation that owns the demo connection. */
    @WithDefault("acme")
    String org();

    /** Webhook secret of the demo generic connection; given by the local scripts and the test profile only. */
    Optional<String> webhookSecret();

    /** API credentials of the simulator's Buildium and AppFolio accounts ({@code client:secret}). */
    Optional<String> simulatorCredentials();

    /** Webhook secret the simulator signs Buildium webhooks with. */
    Optional<String> simulatorWebhookSecret();

    /**
     * Base URL of the PMS simulator; when set, a Buildium connection {@code demo-buildium} (org acme) and an
     * AppFolio connection {@code demo-appfolio} (org globex) are created against it.
     */
    Optional<String> simulatorUrl();
}
