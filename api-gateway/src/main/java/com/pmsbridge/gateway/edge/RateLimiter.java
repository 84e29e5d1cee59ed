package com.pmsbridge.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per caller: {@code burst} tokens, refilled at the sustained rate. */
@ApplicationScoped
public class RateLimiter {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double tokensPerNano;
    private final int burst;

    RateLimiter(RateLimitConfig config) {
        this.tokensPerNano = config.requestsPerMinute() / 60e9;
        this.burst = config.burst();
    }

    /** Takes one token; returns 0 when allowed, otherwise the seconds until a token is available. */
    public long acquire(String caller) {
        return buckets.computeIfAbsent(caller, c -> new Bucket(burst)).take(tokensPerNano, burst);
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(int burst) {
            this.tokens = burst;
        }

        synchronized long take(double perNano, int burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }
    }
}
