package com.pmsbridge.sync.projection;

import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.service.tracing.TraceContexts;
import com.pmsbridge.sync.conflict.HybridLogicalClock;
import com.pmsbridge.sync.conflict.SharedFieldConflicts;
import com.pmsbridge.sync.eventstore.EventStore;
import com.pmsbridge.sync.lifecycle.AnnouncedOnce;
import com.pmsbridge.sync.lifecycle.LifecycleDeriver;
import com.pmsbridge.sync.outbox.Outbox;
import com.pmsbridge.sync.ownership.OwnershipPolicy;
import com.pmsbridge.sync.reconciliation.FirstSyncs;
import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies change events to the entities' state, in one transaction with the event store rows and the outbox rows
 * of what they caused. It runs the steps in order, each in its own class: the states loaded ({@link BatchStates}),
 * the change admitted ({@link ChangeAdmission}), merged ({@link Evolve}), its conflicts settled
 * ({@link SharedFieldConflicts}), its lifecycle derived ({@link LifecycleDeriver}, {@link AnnouncedOnce}), and
 * everything written with one statement per table.
 */
@ApplicationScoped
public class ChangeProjector {
    private final EntityManager em;
    private final EventStore eventStore;
    private final LifecycleDeriver deriver;
    private final OwnershipPolicy ownership;
    private final SharedFieldConflicts sharedConflicts;
    private final HybridLogicalClock clock;
    private final BatchStates states;
    private final FirstSyncs firstSyncs;

    ChangeProjector(
            EntityManager em,
            EventStore eventStore,
            LifecycleDeriver deriver,
            OwnershipPolicy ownership,
            SharedFieldConflicts sharedConflicts,
            HybridLogicalClock clock,
            BatchStates states,
            FirstSyncs firstSyncs) {
        this.em = em;
        this.eventStore = eventStore;
        this.deriver = deriver;
        this.ownership = ownership;
        this.sharedConflicts = sharedConflicts;
        this.clock = clock;
        this.states = states;
        this.firstSyncs = firstSyncs;
    }

    /**
     * A change event with the JSON it arrived as (kept in the event store as is; null for hub edits), its entity key
     * (built once: the projection needs it several times per change) and the traceparent of its trace, which what it
     * causes on the topics continues (null when untraced).
     */
    public record Incoming(ChangeEvent event, String payload, String key, String traceparent) {
        public Incoming(ChangeEvent event, String payload) {
            this(event, payload, event.key().value(), null);
        }

        public static Incoming traced(ChangeEvent event, String payload, String traceparent) {
            return new Incoming(event, payload, event.key().value(), traceparent);
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
        return projectBatch(changes, Source.PMS, false, lookUpKnownIds);
    }

    /**
     * Applies changes of one source in one transaction, set-based like a polled batch (a reconciliation's deletes);
     * the states are locked first, so this waits for a concurrent batch instead of failing.
     */
    @Transactional
    public List<ProjectionResult> projectAll(List<ChangeEvent> events, Source source) {
        String trace = TraceContexts.currentTraceparent();
        return projectBatch(
                events.stream()
                        .map(event -> Incoming.traced(event, null, trace))
                        .toList(),
                source,
                true,
                true);
    }

    /**
     * Applies one change from the PMS ({@link Source#PMS}) or from a hub edit ({@link Source#HUB}; its fields
     * were checked against the ownership policy by the caller). The state is locked first: an operator's edit waits
     * for a batch projected at the same time instead of failing.
     */
    @Transactional
    public ProjectionResult project(ChangeEvent event, Source source) {
        return projectBatch(
                        List.of(Incoming.traced(event, null, TraceContexts.currentTraceparent())), source, true, true)
                .get(0);
    }

    private List<ProjectionResult> projectBatch(
            List<Incoming> changes, Source source, boolean lock, boolean lookUpKnownIds) {
        Session session = em.unwrap(Session.class);
        List<String> keys =
                changes.stream().map(Incoming::key).distinct().sorted().toList();
        Map<String, EntityState> touched = new LinkedHashMap<>();
        List<ProjectionResult> results = new ArrayList<>(changes.size());
        states.afterCompletion(keys, touched, changes, results);
        // states first, then the known ids: a concurrent writer of the same entities either committed before the ids
        // are read, or changed the states' row versions, which fails the write
        Map<String, EntityState> loaded = session.doReturningWork(connection -> states.load(connection, keys, lock));
        Set<String> seen = lookUpKnownIds
                ? session.doReturningWork(connection -> eventStore.existing(
                        connection,
                        changes.stream().map(c -> c.event().eventId()).toList()))
                : new HashSet<>(changes.size() * 2);

        Set<String> changedStates = new LinkedHashSet<>();
        List<EventStore.StoredEvent> stored = new ArrayList<>(changes.size());
        List<LifecycleEvent> lifecycle = new ArrayList<>();
        // what each derived record continues: the trace of the change that caused it
        Map<LifecycleEvent, String> lifecycleTraces = new IdentityHashMap<>();
        Map<String, String> stateTraces = new HashMap<>();
        List<Outbox.Row> commands = new ArrayList<>();
        for (Incoming change : changes) {
            ChangeEvent event = change.event();
            if (!seen.add(event.eventId())) {
                results.add(ProjectionResult.duplicate());
                continue;
            }
            String refusal = ChangeAdmission.refusal(loaded.get(change.key()), event, change.key());
            if (refusal != null) {
                results.add(ProjectionResult.rejected(refusal));
                continue;
            }
            clock.observe(event.org(), event.sourceVersion());
            EntityState state = loaded.computeIfAbsent(change.key(), key -> newState(key, event));
            boolean existedBefore = state.lastSeq > 0 && !state.deleted;
            Map<String, Object> before = new HashMap<>(state.data); // read by field only
            Evolve.Outcome outcome = Evolve.apply(state, event, source, ownership.of(state.org, state.connectionId));
            sharedConflicts
                    .settle(state, event, outcome)
                    .map(command -> Outbox.commandRow(command, change.traceparent()))
                    .ifPresent(commands::add);
            List<String> changed = outcome.changed();
            boolean stale = outcome.stale();
            state.lastSeq++;
            touched.put(state.entityKey, state);
            stored.add(new EventStore.StoredEvent(event, change.payload(), state.lastSeq, source, changed, !stale));
            ProjectionResult result = new ProjectionResult(
                    stale ? ProjectionResult.Outcome.STALE : ProjectionResult.Outcome.APPLIED, List.copyOf(changed));
            if (!stale && !changed.isEmpty()) {
                changedStates.add(state.entityKey);
                stateTraces.put(state.entityKey, change.traceparent());
                for (LifecycleEvent derived : deriver.derive(
                        event, existedBefore, before, state, changed, () -> firstSyncs.readAfterFirstSync(event))) {
                    lifecycle.add(derived);
                    lifecycleTraces.put(derived, change.traceparent());
                }
            }
            results.add(result);
        }
        // one state record per changed entity and batch: the state topics are compacted, the last value is what counts
        List<Outbox.Row> rows = new ArrayList<>(changedStates.size() + lifecycle.size());
        // each state's data rendered once, for its row and for its state record
        Map<String, String> dataJson = new HashMap<>(touched.size() * 2);
        touched.values().forEach(state -> dataJson.put(state.entityKey, StateTable.json(state.data)));
        changedStates.forEach(
                key -> rows.add(Outbox.stateRow(touched.get(key), dataJson.get(key), stateTraces.get(key))));
        rows.addAll(commands);
        session.doWork(connection -> {
            for (LifecycleEvent derived : AnnouncedOnce.filter(connection, lifecycle)) {
                rows.add(Outbox.lifecycleRow(derived, lifecycleTraces.get(derived)));
            }
            states.table().writeAll(connection, touched.values(), dataJson);
            eventStore.appendAll(connection, stored);
            Outbox.insertAll(connection, rows);
        });
        return results;
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
}
