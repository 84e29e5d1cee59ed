package com.pmsbridge.sync.projection;

import java.sql.SQLException;
import java.util.Set;

/**
 * Another writer projected some of the same entities at the same time (possible while a rebalance hands a partition
 * over). Nothing of the batch was committed; projecting it again sees the other writer's result and is correct.
 */
public class ConcurrentProjectionException extends RuntimeException {
    /** unique_violation (the same event or entity written twice), serialization_failure, deadlock_detected */
    private static final Set<String> RACE_STATES = Set.of("23505", "40001", "40P01");

    public ConcurrentProjectionException(String message) {
        super(message);
    }

    /** True when this failure (or its cause) is a race with another writer, so projecting again resolves it. */
    public static boolean isRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrentProjectionException
                    || t instanceof SQLException sql && RACE_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
