package com.pmsbridge.connector.adapter;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionGuardTest {
    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock();
    private final ConnectionGuard guard =
            new ConnectionGuard(2, 3, Duration.ofSeconds(30), Duration.ofSeconds(100), clock);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            try (ConnectionGuard.Slot slot = guard.enter(Duration.ZERO)) {
                slot.failed();
            }
        }
    }

    @Test
    void givenThreeFailedCalls_whenTheNextCallComes_thenItFailsAtOnceWithCircuitOpen() {
        fail(3);

        assertThat(guard.state()).isEqualTo(ConnectionGuard.State.OPEN);
        assertThatThrownBy(() -> guard.enter(Duration.ZERO)).hasMessage("circuit_open");
    }

    @Test
    void givenOpenCircuit_whenItsTimeHasPassedAndTheTrialSucceeds_thenCallsFlowAgain() {
        fail(3);
        clock.advance(Duration.ofSeconds(30));

        try (ConnectionGuard.Slot trial = guard.enter(Duration.ZERO)) {
            assertThatThrownBy(() -> guard.enter(Duration.ZERO)).hasMessage("circuit_open"); // one trial at a time
            trial.succeeded();
        }

        assertThat(guard.state()).isEqualTo(ConnectionGuard.State.CLOSED);
        try (ConnectionGuard.Slot slot = guard.enter(Duration.ZERO)) {
            slot.succeeded();
        }
    }

    @Test
    void givenFailingTrial_whenReopened_thenItStaysOpenTwiceAsLong() {
        fail(3);
        clock.advance(Duration.ofSeconds(30));
        fail(1); // the trial

        clock.advance(Duration.ofSeconds(59));
        assertThatThrownBy(() -> guard.enter(Duration.ZERO)).hasMessage("circuit_open");
        clock.advance(Duration.ofSeconds(1));
        assertThat(guard.state()).isEqualTo(ConnectionGuard.State.HALF_OPEN);
    }

    @Test
    void givenFailuresBelowTheThreshold_whenACallSucceeds_thenTheCountStartsAgain() {
        fail(2);
        try (ConnectionGuard.Slot slot = guard.enter(Duration.ZERO)) {
            slot.succeeded();
        }
        fail(2);

        assertThat(guard.state()).isEqualTo(ConnectionGuard.State.CLOSED);
    }

    @Test
    void givenEverySlotTaken_whenAnotherCallWaitsPastItsBudget_thenItFailsWithTimeBudget() {
        try (ConnectionGuard.Slot first = guard.enter(Duration.ZERO);
                ConnectionGuard.Slot second = guard.enter(Duration.ZERO)) {
            assertThatThrownBy(() -> guard.enter(Duration.ofMillis(20))).hasMessage("time_budget");
        }
        try (ConnectionGuard.Slot again = guard.enter(Duration.ZERO)) {
            again.succeeded(); // slots are given back on close
        }
    }
}
