package com.pmsbridge.gateway.edge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** A token bucket per key: {@code burst} tokens, refilled at the sustained rate; the clock is given, for tests. */
final class TokenBuckets {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double tokensPerNano;
    private final int burst;
    private final LongSupplier nanoClock;

    TokenBuckets(int requestsPerMinute, int burst, LongSupplier nanoClock) {
        this.tokensPerNano = requestsPerMinute / 60e9;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** Takes one token; returns 0 when allowed, otherwise the seconds until a token is available. */
    long acquire(String key) {
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, nanoClock.getAsLong()))
                .take(nanoClock.getAsLong(), tokensPerNano, burst);
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.refilledAt = now;
        }

        synchronized long take(long now, double perNano, int burst) {
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
