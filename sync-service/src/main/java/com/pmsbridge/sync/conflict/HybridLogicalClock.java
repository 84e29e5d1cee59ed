package com.pmsbridge.sync.conflict;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Versions for hub edits: wall-clock milliseconds with a logical counter in the sub-millisecond nanoseconds, so
 * versions are strictly increasing, comparable with PMS last-modified times, and never behind a PMS version this
 * instance has already applied ({@link #observe}).
 */
@ApplicationScoped
public class HybridLogicalClock {
    private long physicalMillis;
    private int logical;

    public synchronized String next() {
        long now = System.currentTimeMillis();
        if (now > physicalMillis) {
            physicalMillis = now;
            logical = 0;
        } else {
            logical++;
        }
        return Instant.ofEpochMilli(physicalMillis).plusNanos(logical).toString();
    }

    /** Moves the clock past a version seen from elsewhere (a PMS time ahead of our wall clock). */
    public synchronized void observe(String version) {
        try {
            Instant seen = Instant.parse(version);
            if (seen.toEpochMilli() > physicalMillis) {
                physicalMillis = seen.toEpochMilli();
                logical = seen.getNano() % 1_000_000;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // a PMS revision counter, not a time: nothing to learn
        }
    }
}
