package com.pmsbridge.service.failure;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void givenConnectionRefusalsAndShutdowns_whenClassified_thenAnOutageToWaitFor() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("refused", "08001"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(
                        new RuntimeException(new SQLException("too many connections", "53300"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(
                        new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(
                        new IllegalStateException(new SQLTransientConnectionException("gone"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(
                        new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection"))))
                .isTrue();
    }

    @Test
    void givenACommitThatFailedBecauseTheServerWentAway_whenClassified_thenTransient() {
        // as Narayana reports it: the cause-less RollbackException carries the server's answer as a suppressed one
        Exception commit = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("terminating connection due to administrator command", "57P01"));
        commit.addSuppressed(xa);

        assertThat(TransientFailures.isTransient(new RuntimeException(commit))).isTrue();
        assertThat(TransientFailures.describe(new RuntimeException(commit))).isEqualTo("SQL state 57P01");
    }

    @Test
    void givenUnreachableHostOrTimeout_whenClassified_thenTransient() {
        assertThat(TransientFailures.isTransient(new IllegalStateException(new ConnectException("refused"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new TimeoutException())).isTrue();
    }

    @Test
    void givenFailuresOfTheBatchItself_whenClassified_thenNotAnOutage() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("value too long", "22001"))))
                .isFalse();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a bug")))
                .isFalse();
    }

    @Test
    void givenAnOutage_whenDescribedForTheLog_thenOnlyTheSqlStateNeverTheMessage() {
        String described =
                TransientFailures.describe(new RuntimeException(new SQLException("Key (email)=(x@y.z)", "08006")));

        assertThat(described).isEqualTo("SQL state 08006");
    }
}
