package com.pmsbridge.service.failure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UntilAvailableTest {
    private final Counter waits = new SimpleMeterRegistry().counter("waits");

    @Test
    void givenTwoOutagesThenSuccess_whenRun_thenTriedThreeTimesAndTwoWaitsCounted() {
        AtomicInteger attempts = new AtomicInteger();

        UntilAvailable.run("the test's work", waits, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException(new SQLException("refused", "08001"));
            }
        });

        assertThat(attempts).hasValue(3);
        assertThat(waits.count()).isEqualTo(2.0);
    }

    @Test
    void givenAFailureOfTheRecordItself_whenRun_thenThrownAtOnceWithoutWaiting() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> UntilAvailable.run("the test's work", waits, () -> {
                    attempts.incrementAndGet();
                    throw new IllegalArgumentException("bad record");
                }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(1);
        assertThat(waits.count()).isZero();
    }
}
