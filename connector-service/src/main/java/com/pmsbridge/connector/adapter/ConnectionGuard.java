package com.pmsbridge.connector.adapter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One connection's share of the PMS: at most {@code maxConcurrent} calls in flight, and a circuit breaker that, after
 * {@code threshold} consecutive failed calls, fails calls at once for a while and then lets one trial call through.
 * A slow or failing PMS thereby costs its own connection, not every tenant's threads.
 */
final class ConnectionGuard {
    enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final Semaphore slots;
    private final Clock clock;
    private final int threshold;
    private final Duration openFor;
    private final Duration maxOpenFor;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Duration currentOpenFor;
    private Instant openUntil = Instant.MIN;

    ConnectionGuard(int maxConcurrent, int threshold, Duration openFor, Duration maxOpenFor, Clock clock) {
        this.slots = new Semaphore(maxConcurrent, true);
        this.threshold = threshold;
        this.openFor = openFor;
        this.maxOpenFor = maxOpenFor;
        this.currentOpenFor = openFor;
        this.clock = clock;
    }

    /** Takes a slot within {@code wait}; throws "circuit_open" or "time_budget" when the call must not be made. */
    Slot enter(Duration wait) {
        admit();
        try {
            if (!slots.tryAcquire(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS)) {
                throw new PmsUnavailableException("time_budget", 0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PmsUnavailableException("interrupted", 0);
        }
        return new Slot();
    }

    synchronized State state() {
        return state == State.OPEN && !clock.instant().isBefore(openUntil) ? State.HALF_OPEN : state;
    }

    private synchronized void admit() {
        if (state == State.OPEN) {
            if (clock.instant().isBefore(openUntil)) {
                throw new PmsUnavailableException("circuit_open", 0);
            }
            state = State.HALF_OPEN; // this call is the trial; others fail at once until it ends
            return;
        }
        if (state == State.HALF_OPEN) {
            throw new PmsUnavailableException("circuit_open", 0);
        }
    }

    private synchronized void succeeded() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        currentOpenFor = openFor;
    }

    private synchronized void failed() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN) {
            currentOpenFor = min(currentOpenFor.multipliedBy(2), maxOpenFor);
            open();
        } else if (consecutiveFailures >= threshold) {
            open();
        }
    }

    /** A call that ended without telling whether the PMS is well (a 4xx about the request itself). */
    private synchronized void neutral() {
        if (state == State.HALF_OPEN) {
            state = State.CLOSED;
            consecutiveFailures = 0;
        }
    }

    private void open() {
        state = State.OPEN;
        openUntil = clock.instant().plus(currentOpenFor);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A call in flight; exactly one of its outcomes is reported, and closing frees the slot. */
    final class Slot implements AutoCloseable {
        private boolean reported;

        void succeeded() {
            reported = true;
            ConnectionGuard.this.succeeded();
        }

        void failed() {
            reported = true;
            ConnectionGuard.this.failed();
        }

        @Override
        public void close() {
            if (!reported) {
                neutral();
            }
            slots.release();
        }
    }
}
