package com.pmsbridge.sync.conflict;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HybridLogicalClockTest {
    private static final String FAR_AHEAD = "2099-01-01T00:00:00Z";

    @Test
    void givenAPmsTimeAheadOfTheWallClock_whenObserved_thenTheNextHubVersionIsAfterIt() {
        HybridLogicalClock clock = new HybridLogicalClock();

        clock.observe(FAR_AHEAD);

        assertThat(Instant.parse(clock.next())).isAfter(Instant.parse(FAR_AHEAD));
    }

    @Test
    void givenAnOlderTimeObservedAfterANewerOne_whenTheNextVersionIsTaken_thenItStaysAfterTheNewer() {
        HybridLogicalClock clock = new HybridLogicalClock();
        clock.observe(FAR_AHEAD);

        clock.observe("2098-06-01T00:00:00Z");
        clock.observe("2098-06-01T00:00:00.123Z"); // another shape: parsed, still older

        String first = clock.next();
        String second = clock.next();
        assertThat(Instant.parse(first)).isAfter(Instant.parse(FAR_AHEAD));
        assertThat(Instant.parse(second)).isAfter(Instant.parse(first));
    }

    @Test
    void givenANewerTimeInTheSameShape_whenObserved_thenTheClockMovesPastIt() {
        HybridLogicalClock clock = new HybridLogicalClock();
        clock.observe("2098-06-01T00:00:00Z");

        clock.observe(FAR_AHEAD);

        assertThat(Instant.parse(clock.next())).isAfter(Instant.parse(FAR_AHEAD));
    }

    @Test
    void givenARevisionCounter_whenObserved_thenTheClockFollowsTheWallClock() {
        HybridLogicalClock clock = new HybridLogicalClock();

        clock.observe("98765");

        assertThat(Instant.parse(clock.next())).isBefore(Instant.parse(FAR_AHEAD));
    }
}
