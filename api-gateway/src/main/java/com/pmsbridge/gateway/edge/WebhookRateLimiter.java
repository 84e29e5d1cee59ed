package com.pmsbridge.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;

/** A token bucket per webhook connection id, so one sender's flood cannot take the connector from the others. */
@ApplicationScoped
public class WebhookRateLimiter {
    private final TokenBuckets buckets;

    WebhookRateLimiter(WebhookRateLimitConfig config) {
        this.buckets = new TokenBuckets(config.requestsPerMinute(), config.burst(), System::nanoTime);
    }

    /** Takes one token; returns 0 when allowed, otherwise the seconds until a token is available. */
    public long acquire(String connectionId) {
        return buckets.acquire(connectionId);
    }
}
