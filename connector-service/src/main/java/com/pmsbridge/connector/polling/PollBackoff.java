package com.pmsbridge.connector.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each connection whose last poll failed may be polled again: its own interval doubled per consecutive failure,
 * up to a ceiling, so a failing PMS is not called on every tick. A success forgets the failures.
 */
final class PollBackoff {
    private record Failures(int count, Instant retryAt) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Duration ceiling;
    private final Clock clock;

    PollBackoff(Duration ceiling, Clock clock) {
        this.ceiling = ceiling;
        this.clock = clock;
    }

    boolean waiting(String connectionId) {
        Failures current = failures.get(connectionId);
        return current != null && clock.instant().isBefore(current.retryAt());
    }

    /** Records a failed poll; returns when the connection will next be polled. */
    Instant failed(String connectionId, Duration interval) {
        Failures next = failures.merge(
                connectionId, new Failures(1, Instant.MIN), (old, one) -> new Failures(old.count() + 1, Instant.MIN));
        Duration delay = interval.multipliedBy(1L << Math.min(next.count(), 20));
        if (delay.compareTo(ceiling) > 0) {
            delay = ceiling;
        }
        Instant retryAt = clock.instant().plus(delay);
        failures.put(connectionId, new Failures(next.count(), retryAt));
        return retryAt;
    }

    void succeeded(String connectionId) {
        failures.remove(connectionId);
    }
}
