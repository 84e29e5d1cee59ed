package com.pmsbridge.service.failure;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The one classifier every consumer uses: a transient failure (the database or the broker unreachable, a timeout) is
 * waited out with the offset kept; anything else is the record's own fault and dead-letters it. SQL states: class 08
 * connection exception, class 53 insufficient resources (e.g. too many connections), 57P01–57P03 the server shutting
 * down or not accepting connections yet.
 */
public final class TransientFailures {
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.TimeoutException",
            "org.hibernate.exception.JDBCConnectionException",
            "java.net.ConnectException",
            "io.smallrye.mutiny.TimeoutException",
            "java.util.concurrent.TimeoutException");

    private TransientFailures() {}

    /**
     * True when waiting and trying again can succeed: an outage, not bad input. Causes and suppressed exceptions are
     * both read: a commit that fails because the server went away says so only in a suppressed XAException.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t : causesAndSuppressed(failure)) {
            if (isTransientType(t.getClass())) {
                return true;
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && outageState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getMessage() != null
                    && sql.getMessage().startsWith("Acquisition timeout")) {
                return true; // the connection pool found no usable connection in time
            }
        }
        return false;
    }

    /** The SQL state or exception type, never the message (it may quote values). */
    public static String describe(Throwable failure) {
        for (Throwable t : causesAndSuppressed(failure)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return "SQL state " + sql.getSQLState();
            }
        }
        return failure.getClass().getSimpleName();
    }

    /** The failure, its causes and everything suppressed along the way, each once. */
    private static List<Throwable> causesAndSuppressed(Throwable failure) {
        List<Throwable> all = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty() && all.size() < 64) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(Arrays.asList(t.getSuppressed()));
        }
        return all;
    }

    private static boolean isTransientType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (TRANSIENT_TYPES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean outageState(String state) {
        return state.startsWith("08")
                || state.startsWith("53")
                || state.equals("57P01")
                || state.equals("57P02")
                || state.equals("57P03");
    }
}
