package com.pmsbridge.sync.eventstore;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {

    @Test
    void givenConnectionRefusalsAndShutdowns_whenClassified_thenAnOutageToWaitFor() {
        assertThat(DatabaseOutage.is(new RuntimeException(new SQLException("refused", "08001"))))
                .isTrue();
        assertThat(DatabaseOutage.is(new RuntimeException(new SQLException("too many connections", "53300"))))
                .isTrue();
        assertThat(DatabaseOutage.is(new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .isTrue();
        assertThat(DatabaseOutage.is(new IllegalStateException(new SQLTransientConnectionException("gone"))))
                .isTrue();
        assertThat(DatabaseOutage.is(
                        new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection"))))
                .isTrue();
    }

    @Test
    void givenFailuresOfTheBatchItself_whenClassified_thenNotAnOutage() {
        assertThat(DatabaseOutage.is(new RuntimeException(new SQLException("value too long", "22001"))))
                .isFalse();
        assertThat(DatabaseOutage.is(new RuntimeException(new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DatabaseOutage.is(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void givenAnOutage_whenDescribedForTheLog_thenOnlyTheSqlStateNeverTheMessage() {
        String described =
                DatabaseOutage.describe(new RuntimeException(new SQLException("Key (email)=(x@y.z)", "08006")));

        assertThat(described).isEqualTo("SQL state 08006");
    }
}
