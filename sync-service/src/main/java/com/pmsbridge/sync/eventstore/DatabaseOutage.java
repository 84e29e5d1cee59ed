package com.pmsbridge.sync.eventstore;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells an unreachable or refusing database (worth waiting for) from a failure of the batch itself. SQL states:
 * class 08 connection exception, class 53 insufficient resources (e.g. too many connections), 57P01–57P03 the server
 * shutting down or not accepting connections yet.
 */
final class DatabaseOutage {
    private DatabaseOutage() {}

    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
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
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return "SQL state " + sql.getSQLState();
            }
        }
        return failure.getClass().getSimpleName();
    }

    private static boolean outageState(String state) {
        return state.startsWith("08")
                || state.startsWith("53")
                || state.equals("57P01")
                || state.equals("57P02")
                || state.equals("57P03");
    }
}
