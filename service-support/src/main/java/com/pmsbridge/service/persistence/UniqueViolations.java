package com.pmsbridge.service.persistence;

import java.sql.SQLException;

/** Tells a unique-constraint violation (SQL state 23505) anywhere in a failure's causes: the guard of a one-of rule. */
public final class UniqueViolations {
    private UniqueViolations() {}

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
