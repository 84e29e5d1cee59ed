package com.pmsbridge.sync.projection;

import com.pmsbridge.contract.Ids;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.ChangeLimits;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.sync.conflict.ConflictRecorder;
import com.pmsbridge.sync.conflict.HybridLogicalClock;
import com.pmsbridge.sync.eventstore.EventStore;
import com.pmsbridge.sync.lifecycle.LeaseMilestones;
import com.pmsbridge.sync.lifecycle.LifecycleDeriver;
import com.pmsbridge.sync.outbox.Outbox;
import com.pmsbridge.sync.ownership.OwnershipPolicy;
import com.pmsbridge.sync.reconciliation.FirstSyncs;
import com.pmsbridge.sync.writeback.SharedFieldWriteback;
import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies change events to the entities' state, in one transaction with the event store rows and the outbox rows
 * of what they caused. Per field, a value older than the field's current version is ignored; a delete is a versioned
 * tombstone that a stale update cannot undo, while a newer create brings the record back.
 */
@ApplicationScoped
public class ChangeProjector {
    public static final String SOURCE_PMS = Evolve.SOURCE_PMS;
    public static final String SOURCE_HUB = Evolve.SOURCE_HUB;
    /** A delete of a record the PMS no longer lists, found by reconciling a Sync. */
    public static final String SOURCE_RECONCILIATION = "reconcile";

    private final EntityManager em;
    private final EventStore eventStore;
    private final LifecycleDeriver deriver;
    private final OwnershipPolicy ownership;
    private final ConflictRecorder conflicts;
    private final HybridLogicalClock clock;
    private final ProjectionMetrics projectionMetrics;
    private final StateCache cache;
    private final TransactionSynchronizationRegistry transactions;
    private final FirstSyncs firstSyncs;
    private final StateTable stateTable = StateTable.live();

    ChangeProjector(
            EntityManager em,
            EventStore eventStore,
            LifecycleDeriver deriver,
            OwnershipPolicy ownership,
            ConflictRecorder conflicts,
            HybridLogicalClock clock,
            ProjectionMetrics projectionMetrics,
            StateCache cache,
            TransactionSynchronizationRegistry transactions,
            FirstSyncs firstSyncs) {
        this.firstSyncs = firstSyncs;
        this.em = em;
        this.cache = cache;
        this.transactions = transactions;
        this.eventStore = eventStore;
        this.deriver = deriver;
        this.projectionMetrics = projectionMetrics;
        this.ownership = ownership;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    /**
     * A change event with the JSON it arrived as (kept in the event store as is; null for hub edits) and its entity
     * key (built once: the projection needs it several times per change).
     */
    public record Incoming(ChangeEvent event, String payload, String key) {
        public Incoming(ChangeEvent event, String payload) {
            this(event, payload, event.key().value());
        }
    }

    /**
     * Applies a batch of PMS changes in one transaction, in order; a replay of the batch is a no-op. Set-based: one
     * query loads the states the batch touches that the {@link StateCache} does not hold, one finds the known event
     * ids, and one COPY each writes the states, the event store rows and the outbox rows; the merge itself runs in
     * memory. Nothing is locked beforehand: the write checks each state's row version. Throws
     * {@link ConcurrentProjectionException} (or a unique violation) when another writer projected the same entities
     * at the same time; the caller projects the batch again.
     */
    @Transactional
    public List<ProjectionResult> projectAll(List<Incoming> changes) {
        return projectAll(changes, true);
    }

    /**
     * Like {@link #projectAll(List)}; with {@code lookUpKnownIds} false the batch's event ids are not looked up
     * first. A change stored before then fails the event store's unique event id, the batch rolls back (a
     * {@link ConcurrentProjectionException#isRedelivery redelivery}), and the caller projects it again with the
     * lookup. For a stream where redeliveries are rare this saves a query per batch that finds nothing.
     */
    @Transactional
    public List<ProjectionResult> projectAll(List<Incoming> changes, boolean lookUpKnownIds) {
        return projectBatch(changes, SOURCE_PMS, false, lookUpKnownIds);
    }

    /**
     * Applies changes of one source in one transaction, set-based like a polled batch (a reconciliation's deletes);
     * the states are locked first, so this waits for a concurrent batch instead of failing.
     */
    @Transactional
    public List<ProjectionResult> projectAll(List<ChangeEvent> events, String source) {
        return projectBatch(
                events.stream().map(event -> new Incoming(event, null)).toList(), source, true, true);
    }

    /**
     * Applies one change from the PMS ({@value #SOURCE_PMS}) or from a hub edit ({@value #SOURCE_HUB}; its fields
     * were checked against the ownership policy by the caller). The state is locked first: an operator's edit waits
     * for a batch projected at the same time instead of failing.
     */
    @Transactional
    public ProjectionResult project(ChangeEvent event, String source) {
        return projectBatch(List.of(new Incoming(event, null)), source, true, true)
                .get(0);
    }

    /** Whether the state stays within ChangeLimits with the change merged in (as if every field were taken). */
    private static boolean fitsAfter(EntityState state, ChangeEvent event) {
        int fields = state.data.size();
        long chars = 0;
        for (Map.Entry<String, Object> field : state.data.entrySet()) {
            if (!event.data().containsKey(field.getKey())) {
                chars += field.getKey().length() + ChangeLimits.chars(field.getValue());
            }
        }
        for (Map.Entry<String, Object> field : event.data().entrySet()) {
            if (!state.data.containsKey(field.getKey())) {
                fields++;
            }
            chars += field.getKey().length() + ChangeLimits.chars(field.getValue());
        }
        return fields <= ChangeLimits.MAX_FIELDS && chars <= ChangeLimits.MAX_STATE_CHARS;
    }

    private List<ProjectionResult> projectBatch(
            List<Incoming> changes, String source, boolean lock, boolean lookUpKnownIds) {
        Session session = em.unwrap(Session.class);
        List<String> keys =
                changes.stream().map(Incoming::key).distinct().sorted().toList();
        Map<String, EntityState> touched = new LinkedHashMap<>();
        List<ProjectionResult> results = new ArrayList<>(changes.size());
        onCompletion(keys, touched, changes, results);
        // states first, then the known ids: a concurrent writer of the same entities either committed before the ids
        // are read, or changed the states' row versions, which fails the write
        Map<String, EntityState> states = session.doReturningWork(connection -> load(connection, keys, lock));
        Set<String> seen = lookUpKnownIds
                ? session.doReturningWork(connection -> eventStore.existing(
                        connection,
                        changes.stream().map(c -> c.event().eventId()).toList()))
                : new HashSet<>(changes.size() * 2);

        Set<String> changedStates = new LinkedHashSet<>();
        List<EventStore.StoredEvent> stored = new ArrayList<>(changes.size());
        List<LifecycleEvent> lifecycle = new ArrayList<>();
        List<Outbox.Row> commands = new ArrayList<>();
        for (Incoming change : changes) {
            ChangeEvent event = change.event();
            if (!seen.add(event.eventId())) {
                results.add(ProjectionResult.duplicate());
                continue;
            }
            EntityState known = states.get(change.key());
            if (known != null && known.org != null && !known.org.equals(event.org())) {
                // an entity is one organisation's for good: a change naming another is refused, never merged
                results.add(ProjectionResult.rejected(
                        "organisation_mismatch: entity " + change.key() + " belongs to another organisation"));
                continue;
            }
            if (known != null && event.op() != Op.DELETE && !fitsAfter(known, event)) {
                // a state is the union of every field pushed: bounded, so its record always fits on Kafka
                results.add(ProjectionResult.rejected("state_size_limit: entity " + change.key()
                        + " would have more than " + ChangeLimits.MAX_FIELDS + " fields or "
                        + ChangeLimits.MAX_STATE_CHARS + " characters"));
                continue;
            }
            clock.observe(event.org(), event.sourceVersion());
            EntityState state = states.computeIfAbsent(change.key(), key -> newState(key, event));
            boolean existedBefore = state.lastSeq > 0 && !state.deleted;
            Map<String, Object> before = new HashMap<>(state.data); // read by field only
            Evolve.Outcome outcome = Evolve.apply(state, event, source, ownership.of(state.org, state.connectionId));
            recordSideEffects(state, event, outcome, commands);
            List<String> changed = outcome.changed();
            boolean stale = outcome.stale();
            state.lastSeq++;
            touched.put(state.entityKey, state);
            stored.add(new EventStore.StoredEvent(event, change.payload(), state.lastSeq, source, changed, !stale));
            ProjectionResult result = new ProjectionResult(
                    stale ? ProjectionResult.Outcome.STALE : ProjectionResult.Outcome.APPLIED, List.copyOf(changed));
            if (!stale && !changed.isEmpty()) {
                changedStates.add(state.entityKey);
                lifecycle.addAll(deriver.derive(
                        event, existedBefore, before, state, changed, () -> firstSyncs.readAfterFirstSync(event)));
            }
            results.add(result);
        }
        // one state record per changed entity and batch: the state topics are compacted, the last value is what counts
        List<Outbox.Row> rows = new ArrayList<>(changedStates.size() + lifecycle.size());
        // each state's data rendered once, for its row and for its state record
        Map<String, String> dataJson = new HashMap<>(touched.size() * 2);
        touched.values().forEach(state -> dataJson.put(state.entityKey, StateTable.json(state.data)));
        changedStates.forEach(key -> rows.add(Outbox.stateRow(touched.get(key), dataJson.get(key))));
        rows.addAll(commands);
        session.doWork(connection -> {
            for (LifecycleEvent derived : announcedOnce(connection, lifecycle)) {
                rows.add(Outbox.lifecycleRow(derived));
            }
            stateTable.writeAll(connection, touched.values(), dataJson);
            eventStore.appendAll(connection, stored);
            Outbox.insertAll(connection, rows);
        });
        return results;
    }

    /** Cached states (taken out of the cache) and, for the others, the table's; locked ones all from the table. */
    private Map<String, EntityState> load(Connection connection, List<String> keys, boolean lock) throws SQLException {
        if (lock) {
            return stateTable.lockAll(connection, keys);
        }
        Map<String, EntityState> states = cache.takeAll(keys);
        if (states.size() < keys.size()) {
            states.putAll(stateTable.readAll(
                    connection,
                    keys.stream().filter(k -> !states.containsKey(k)).toList()));
        }
        return states;
    }

    /**
     * After commit the written states (with their new row versions) go into the cache, which owns them from then on,
     * and the outcomes are counted; after a rollback the batch's entries are dropped, since the rollback may have been
     * a race with another writer, and nothing is counted: the batch is projected again.
     */
    private void onCompletion(
            List<String> keys,
            Map<String, EntityState> written,
            List<Incoming> changes,
            List<ProjectionResult> results) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    cache.putAll(written.values());
                    for (int i = 0; i < results.size(); i++) {
                        projectionMetrics.count(
                                changes.get(i).event(), results.get(i).outcome());
                    }
                } else {
                    cache.evict(keys);
                }
            }
        });
    }

    /** Drops a move-in or an end of a lease announced already (by an earlier change or its date). */
    private static List<LifecycleEvent> announcedOnce(Connection connection, List<LifecycleEvent> lifecycle)
            throws SQLException {
        Map<LeaseMilestones.Milestone, Set<String>> claimed = new HashMap<>();
        for (LeaseMilestones.Milestone milestone : LeaseMilestones.Milestone.values()) {
            Set<String> leases = new LinkedHashSet<>();
            lifecycle.stream()
                    .filter(e -> LeaseMilestones.Milestone.of(e.type()) == milestone)
                    .forEach(e -> leases.add(e.entityKey()));
            if (!leases.isEmpty()) {
                claimed.put(milestone, LeaseMilestones.claim(connection, milestone, leases));
            }
        }
        if (claimed.isEmpty()) {
            return lifecycle;
        }
        List<LifecycleEvent> kept = new ArrayList<>(lifecycle.size());
        List<LifecycleEvent> dropped = new ArrayList<>();
        for (LifecycleEvent event : lifecycle) {
            LeaseMilestones.Milestone milestone = LeaseMilestones.Milestone.of(event.type());
            (milestone == null || claimed.get(milestone).remove(event.entityKey()) ? kept : dropped).add(event);
        }
        // a change whose only news was announced already is still a change of the lease
        for (LifecycleEvent event : dropped) {
            boolean carried = kept.stream()
                    .anyMatch(other -> other.entityKey().equals(event.entityKey())
                            && other.causedBy().equals(event.causedBy()));
            if (!carried && !event.causedBy().isEmpty()) {
                kept.add(LifecycleDeriver.asModification(event));
            }
        }
        return kept;
    }

    private static EntityState newState(String key, ChangeEvent event) {
        EntityState state = new EntityState();
        state.entityKey = key;
        state.org = event.org();
        state.connectionId = event.connectionId();
        state.entityType = event.entityType().wireName();
        state.externalId = event.externalId();
        return state;
    }

    /** Records the conflicts the step met, and queues the hub values that won them for writing back. */
    private void recordSideEffects(
            EntityState state, ChangeEvent event, Evolve.Outcome outcome, List<Outbox.Row> commands) {
        for (Evolve.SharedConflict conflict : outcome.conflicts()) {
            conflicts.record(
                    state,
                    conflict.field(),
                    conflict.hubValue(),
                    conflict.hubVersion(),
                    conflict.pmsValue(),
                    conflict.pmsVersion(),
                    conflict.rule().wireName(),
                    conflict.pmsWon() ? SOURCE_PMS : SOURCE_HUB,
                    "both sides changed a shared field",
                    event.eventId());
        }
        if (!outcome.writeBack().isEmpty()) {
            SharedFieldWriteback.command(
                            state.org,
                            state.connectionId,
                            state.entityType,
                            state.entityKey,
                            state.externalId,
                            outcome.writeBack(),
                            Ids.derived("writeback", event.eventId()).toString(),
                            "conflict rule "
                                    + outcome.conflicts().getFirst().rule().wireName(),
                            event.receivedAt())
                    .map(Outbox::commandRow)
                    .ifPresent(commands::add);
        }
    }
}
