package com.pmsbridge.gateway.edge;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final TokenBuckets buckets = new TokenBuckets(60, 3, now::get);

    @Test
    void givenBurstSpent_whenOneMoreRequest_thenRefusedWithSecondsUntilRefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.acquire("a")).isZero();
        }
        assertThat(buckets.acquire("a")).isEqualTo(1);
        assertThat(buckets.acquire("b")).isZero();
    }

    @Test
    void givenBurstSpent_whenTheRefillTimePasses_thenOneMoreAllowed() {
        for (int i = 0; i < 3; i++) {
            buckets.acquire("a");
        }
        now.addAndGet(1_000_000_000L);
        assertThat(buckets.acquire("a")).isZero();
        assertThat(buckets.acquire("a")).isEqualTo(1);
    }
}
