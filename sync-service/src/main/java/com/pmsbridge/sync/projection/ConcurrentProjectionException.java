package com.pmsbridge.sync.projection;

import org.postgresql.util.PSQLException;

import java.sql.SQLException;
import java.util.Set;

/**
 * Another writer projected some of the same entities at the same time (possible while a rebalance hands a partition
 * over). Nothing of the batch was committed; projecting it again sees the other writer's result and is correct.
 */
public class ConcurrentProjectionException extends RuntimeException {
    private static final String UNIQUE_VIOLATION = "23505";
    /** unique_violation (the same event or entity written twice), serialization_failure, deadlock_detected */
    private static final Set<String> RACE_STATES = Set.of(UNIQUE_VIOLATION, "40001", "40P01");
    /** The event store's unique event id (migration V1). */
    private static final String KNOWN_EVENT_CONSTRAINT = "event_store_event_id_key";

    public ConcurrentProjectionException(String message) {
        super(message);
    }

    /**
     * True when the failure is a change the event store holds already (its unique event id): a batch projected
     * without looking its ids up contained a redelivery. Projecting it again with the lookup drops the copy.
     */
    public static boolean isRedelivery(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PSQLException sql
                    && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && sql.getServerErrorMessage() != null
                    && KNOWN_EVENT_CONSTRAINT.equals(sql.getServerErrorMessage().getConstraint())) {
                return true;
            }
        }
        return false;
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
