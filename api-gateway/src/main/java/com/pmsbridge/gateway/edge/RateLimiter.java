package com.pmsbridge.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;

/** A token bucket per caller (token subject): {@code burst} tokens, refilled at the sustained rate. */
@ApplicationScoped
public class RateLimiter {
    private final TokenBuckets buckets;

    RateLimiter(RateLimitConfig config) {
        this.buckets = new TokenBuckets(config.requestsPerMinute(), config.burst(), System::nanoTime);
    }

    /** Takes one token; returns 0 when allowed, otherwise the seconds until a token is available. */
    public long acquire(String caller) {
        return buckets.acquire(caller);
    }
}
