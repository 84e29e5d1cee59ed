package com.pmsbridge.sync.conflict;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Versions for hub edits, one clock per organisation: wall-clock milliseconds with a logical counter in the
 * sub-millisecond nanoseconds, so versions are strictly increasing, comparable with PMS last-modified times, and
 * never behind a PMS version of the same organisation this instance has already applied ({@link #observe}). One
 * organisation's PMS cannot move another's clock; a time past year 9999 or one that does not fit is ignored.
 */
@ApplicationScoped
public class HybridLogicalClock {
    /** The latest time a version may name; anything later is not a time we can count from. */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private final Map<String, OrgClock> clocks = new ConcurrentHashMap<>();

    public String next(String org) {
        return clock(org).next();
    }

    /**
     * Moves the organisation's clock past a version seen from its PMS. Called for every projected change: a time not
     * after the newest one observed, written in the same shape, returns at once, without parsing or taking the lock.
     */
    public void observe(String org, String version) {
        clock(org).observe(version);
    }

    private OrgClock clock(String org) {
        return clocks.computeIfAbsent(org, o -> new OrgClock());
    }

    private static final class OrgClock {
        private long physicalMillis;
        private int logical;
        /** The newest time observed so far, as written (the fast path of {@link #observe} compares with it). */
        private volatile String newestObserved;

        synchronized String next() {
            long now = System.currentTimeMillis();
            if (now > physicalMillis) {
                physicalMillis = now;
                logical = 0;
            } else if (logical == 999_999) {
                physicalMillis++; // the sub-millisecond counter is full: borrow the next millisecond
                logical = 0;
            } else {
                logical++;
            }
            return Instant.ofEpochMilli(physicalMillis).plusNanos(logical).toString();
        }

        void observe(String version) {
            String newest = newestObserved;
            if (newest != null && SourceVersions.sameUtcShape(version, newest) && version.compareTo(newest) <= 0) {
                return;
            }
            observeParsed(version);
        }

        private synchronized void observeParsed(String version) {
            Instant seen;
            try {
                seen = Instant.parse(version);
            } catch (DateTimeParseException e) {
                return; // a PMS revision counter, not a time: nothing to learn
            }
            if (seen.isAfter(LATEST)) {
                return;
            }
            if (seen.toEpochMilli() > physicalMillis) {
                physicalMillis = seen.toEpochMilli();
                logical = seen.getNano() % 1_000_000;
            }
            if (newestObserved == null || SourceVersions.isOlder(newestObserved, version)) {
                newestObserved = version;
            }
        }
    }
}
