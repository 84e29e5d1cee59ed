package com.pmsbridge.connector.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Refused webhooks counted per connection for the console (see {@link WebhookRejections}). */
@ConfigMapping(prefix = "connector.webhooks")
public interface WebhookRejectionsConfig {
    /** How often each replica adds the refusals it counted to the shared table (read by the schedule). */
    @WithDefault("15s")
    String rejectionsFlushInterval();
}
