package com.pmsbridge.sync.conflict;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HybridLogicalClockTest {
    private static final String FAR_AHEAD = "2099-01-01T00:00:00Z";

    @Test
    void givenAPmsTimeAheadOfTheWallClock_whenObserved_thenTheNextHubVersionIsAfterIt() {
        HybridLogicalClock clock = new HybridLogicalClock();

        clock.observe("acme", FAR_AHEAD);

        assertThat(Instant.parse(clock.next("acme"))).isAfter(Instant.parse(FAR_AHEAD));
    }

    @Test
    void givenAnOlderTimeObservedAfterANewerOne_whenTheNextVersionIsTaken_thenItStaysAfterTheNewer() {
        HybridLogicalClock clock = new HybridLogicalClock();
        clock.observe("acme", FAR_AHEAD);

        clock.observe("acme", "2098-06-01T00:00:00Z");
        clock.observe("acme", "2098-06-01T00:00:00.123Z"); // another shape: parsed, still older

        String first = clock.next("acme");
        String second = clock.next("acme");
        assertThat(Instant.parse(first)).isAfter(Instant.parse(FAR_AHEAD));
        assertThat(Instant.parse(second)).isAfter(Instant.parse(first));
    }

    @Test
    void givenANewerTimeInTheSameShape_whenObserved_thenTheClockMovesPastIt() {
        HybridLogicalClock clock = new HybridLogicalClock();
        clock.observe("acme", "2098-06-01T00:00:00Z");

        clock.observe("acme", FAR_AHEAD);

        assertThat(Instant.parse(clock.next("acme"))).isAfter(Instant.parse(FAR_AHEAD));
    }

    @Test
    void givenARevisionCounter_whenObserved_thenTheClockFollowsTheWallClock() {
        HybridLogicalClock clock = new HybridLogicalClock();

        clock.observe("acme", "98765");

        assertThat(Instant.parse(clock.next("acme"))).isBefore(Instant.parse(FAR_AHEAD));
    }

    @Test
    void givenOneOrganisationsPmsFarAhead_whenAnotherOrganisationTakesAVersion_thenItsClockIsUnmoved() {
        HybridLogicalClock clock = new HybridLogicalClock();

        clock.observe("acme", FAR_AHEAD);

        assertThat(Instant.parse(clock.next("globex"))).isBefore(Instant.parse(FAR_AHEAD));
    }

    @Test
    void givenAVersionPastYear9999OrTooLargeForMilliseconds_whenObserved_thenIgnoredAndHubEditsStillGetVersions() {
        HybridLogicalClock clock = new HybridLogicalClock();

        clock.observe("acme", "+1000000000-01-01T00:00:00Z");
        clock.observe("acme", "+10000-01-01T00:00:00Z");

        assertThat(Instant.parse(clock.next("acme"))).isBefore(Instant.parse(FAR_AHEAD));
    }

    @Test
    void givenTheLatestTimeObserved_whenAMillionVersionsAreTaken_thenTheyStayStrictlyIncreasing() {
        HybridLogicalClock clock = new HybridLogicalClock();
        clock.observe("acme", "9999-12-31T23:59:59.998Z");

        Instant previous = Instant.parse(clock.next("acme"));
        for (int i = 0; i < 1_000_001; i++) {
            Instant next = Instant.parse(clock.next("acme"));
            assertThat(next).isAfter(previous);
            previous = next;
        }
    }
}
