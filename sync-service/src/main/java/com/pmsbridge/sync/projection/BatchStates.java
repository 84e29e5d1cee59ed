package com.pmsbridge.sync.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The states a batch touches: taken from the {@link StateCache} or read from the table before the merge, and after
 * the transaction either handed to the cache (committed) or dropped from it (rolled back: perhaps a race with another
 * writer, the batch is projected again).
 */
@ApplicationScoped
class BatchStates {
    private final StateCache cache;
    private final TransactionSynchronizationRegistry transactions;
    private final ProjectionMetrics metrics;
    private final StateTable table = StateTable.live();

    BatchStates(StateCache cache, TransactionSynchronizationRegistry transactions, ProjectionMetrics metrics) {
        this.cache = cache;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    StateTable table() {
        return table;
    }

    /** Cached states (taken out of the cache) and, for the others, the table's; locked ones all from the table. */
    Map<String, EntityState> load(Connection connection, List<String> keys, boolean lock) throws SQLException {
        if (lock) {
            return table.lockAll(connection, keys);
        }
        Map<String, EntityState> states = cache.takeAll(keys);
        if (states.size() < keys.size()) {
            states.putAll(table.readAll(
                    connection,
                    keys.stream().filter(k -> !states.containsKey(k)).toList()));
        }
        return states;
    }

    /**
     * After commit the written states (with their new row versions) go into the cache, which owns them from then on,
     * and the outcomes are counted; after a rollback the batch's entries are dropped and nothing is counted.
     */
    void afterCompletion(
            List<String> keys,
            Map<String, EntityState> written,
            List<ChangeProjector.Incoming> changes,
            List<ProjectionResult> results) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    cache.putAll(written.values());
                    for (int i = 0; i < results.size(); i++) {
                        metrics.count(changes.get(i).event(), results.get(i).outcome());
                    }
                } else {
                    cache.evict(keys);
                }
            }
        });
    }
}
