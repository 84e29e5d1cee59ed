package com.pmsbridge.connector.polling;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class PollBackoffTest {
    private final Instant start = Instant.parse("2026-12-03T10:00:00Z");
    private final PollBackoff backoff = new PollBackoff(Duration.ofMinutes(10), Clock.fixed(start, ZoneOffset.UTC));

    @Test
    void givenConsecutiveFailures_whenRecorded_thenTheWaitDoublesUpToTheCeiling() {
        Duration interval = Duration.ofSeconds(60);

        assertThat(backoff.failed("c-1", interval)).isEqualTo(start.plusSeconds(120));
        assertThat(backoff.failed("c-1", interval)).isEqualTo(start.plusSeconds(240));
        assertThat(backoff.failed("c-1", interval)).isEqualTo(start.plusSeconds(480));
        assertThat(backoff.failed("c-1", interval)).isEqualTo(start.plusSeconds(600));
        assertThat(backoff.failed("c-1", interval)).isEqualTo(start.plusSeconds(600));
    }

    @Test
    void givenFailedConnection_whenAnotherIsAsked_thenOnlyTheFailedOneWaits() {
        backoff.failed("c-1", Duration.ofSeconds(60));

        assertThat(backoff.waiting("c-1")).isTrue();
        assertThat(backoff.waiting("c-2")).isFalse();
    }

    @Test
    void givenSuccessAfterFailures_whenRecorded_thenTheConnectionIsDueAgainAndStartsFromOneInterval() {
        backoff.failed("c-1", Duration.ofSeconds(60));
        backoff.failed("c-1", Duration.ofSeconds(60));
        backoff.succeeded("c-1");

        assertThat(backoff.waiting("c-1")).isFalse();
        assertThat(backoff.failed("c-1", Duration.ofSeconds(60))).isEqualTo(start.plusSeconds(120));
    }
}
