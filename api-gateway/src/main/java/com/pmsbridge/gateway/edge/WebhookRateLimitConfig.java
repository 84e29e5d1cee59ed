package com.pmsbridge.gateway.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Per-connection limits on unauthenticated webhook deliveries. */
@ConfigMapping(prefix = "gateway.webhook-rate-limit")
public interface WebhookRateLimitConfig {
    /** Sustained webhooks per minute per connection id. */
    @WithDefault("60000")
    int requestsPerMinute();

    /** Webhooks a connection may receive at once above the sustained rate. */
    @WithDefault("2000")
    int burst();
}
