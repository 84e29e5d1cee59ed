package com.pmsbridge.sync.projection;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The states this instance wrote last, so that a batch does not read back, and parse, what the previous batches of
 * its partitions just wrote: an entity's changes come in bursts, and its state was otherwise loaded once per batch.
 *
 * <p>An entry is trusted only together with its row version (PostgreSQL's {@code xmin}). The projection's write
 * checks that each state it took from here still has that version in the table; a state somebody else changed
 * meanwhile (another replica after a rebalance, an operator's edit, a refused write-back, a rebuild) fails the batch,
 * the stale entries are dropped and the batch is projected again from the table. So a stale entry costs a retry,
 * never a lost update.
 *
 * <p>Entries change hands instead of being copied (copies cost CPU on the hot path): a batch takes its states out,
 * projects on them, and puts them back after its commit; one that rolls back puts nothing back, so its half-projected
 * states are never seen by the next batch.
 */
@ApplicationScoped
public class StateCache {
    private final int maxEntries;
    private final LinkedHashMap<String, EntityState> entries;

    StateCache(StateCacheConfig config) {
        this.maxEntries = config.maxEntries();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, EntityState> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * Removes and returns the cached states among these keys (the others have to be read from the table). The caller
     * owns them now; a concurrent batch of the same entities reads them from the table.
     */
    public synchronized Map<String, EntityState> takeAll(Collection<String> keys) {
        Map<String, EntityState> found = new HashMap<>();
        for (String key : keys) {
            EntityState state = entries.remove(key);
            if (state != null) {
                found.put(key, state);
            }
        }
        return found;
    }

    /**
     * Keeps states as they were just committed, with the row versions their write returned. The cache owns them
     * from now on: the caller must not change them any more.
     */
    public synchronized void putAll(Collection<EntityState> states) {
        if (maxEntries <= 0) {
            return;
        }
        for (EntityState state : states) {
            if (state.rowVersion != null) {
                entries.put(state.entityKey, state);
            }
        }
    }

    public synchronized void evict(Collection<String> keys) {
        keys.forEach(entries::remove);
    }

    /** Drops everything (the state table was replaced by a rebuild). */
    public synchronized void clear() {
        entries.clear();
    }

    public synchronized int size() {
        return entries.size();
    }
}
