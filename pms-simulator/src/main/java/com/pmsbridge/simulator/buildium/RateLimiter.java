package com.pmsbridge.simulator.buildium;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Buildium's limit: at most N requests per second per client; more gets 429. A sliding one-second window. */
final class RateLimiter {
    private final int perSecond;
    private final Map<String, Deque<Long>> windows = new HashMap<>();
    private long rejected;

    RateLimiter(int perSecond) {
        this.perSecond = perSecond;
    }

    synchronized boolean tryAcquire(String client) {
        long now = System.nanoTime();
        Deque<Long> window = windows.computeIfAbsent(client, c -> new ArrayDeque<>());
        while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
            window.pollFirst();
        }
        if (window.size() >= perSecond) {
            rejected++;
            return false;
        }
        window.addLast(now);
        return true;
    }

    synchronized long rejected() {
        return rejected;
    }
}
