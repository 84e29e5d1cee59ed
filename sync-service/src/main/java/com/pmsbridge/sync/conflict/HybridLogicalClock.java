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
    /** The newest time observed so far, as written (the fast path of {@link #observe} compares with it). */
    private volatile String newestObserved;

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

    /**
     * Moves the clock past a version seen from elsewhere (a PMS time ahead of our wall clock). Called for every
     * projected change: a time not after the newest one observed, written in the same shape, returns at once,
     * without parsing or taking the lock.
     */
    public void observe(String version) {
        String newest = newestObserved;
        if (newest != null && SourceVersions.sameUtcShape(version, newest) && version.compareTo(newest) <= 0) {
            return;
        }
        observeParsed(version);
    }

    private synchronized void observeParsed(String version) {
        try {
            Instant seen = Instant.parse(version);
            if (seen.toEpochMilli() > physicalMillis) {
                physicalMillis = seen.toEpochMilli();
                logical = seen.getNano() % 1_000_000;
            }
            if (newestObserved == null || SourceVersions.isOlder(newestObserved, version)) {
                newestObserved = version;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // a PMS revision counter, not a time: nothing to learn
        }
    }
}
