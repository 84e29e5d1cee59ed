package com.pmsbridge.sync.projection;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentProjectionExceptionTest {

    @Test
    void givenUniqueViolationOrDeadlockDeepInTheCauses_whenClassified_thenARace() {
        assertThat(ConcurrentProjectionException.isRace(new IllegalStateException(new SQLException("dup", "23505"))))
                .isTrue();
        assertThat(ConcurrentProjectionException.isRace(new RuntimeException(new SQLException("deadlock", "40P01"))))
                .isTrue();
        assertThat(ConcurrentProjectionException.isRace(new ConcurrentProjectionException("created meanwhile")))
                .isTrue();
    }

    @Test
    void givenOtherDatabaseFailures_whenClassified_thenNotARace() {
        assertThat(ConcurrentProjectionException.isRace(new RuntimeException(new SQLException("no table", "42P01"))))
                .isFalse();
        assertThat(ConcurrentProjectionException.isRace(new RuntimeException("no SQL state at all")))
                .isFalse();
    }
}
