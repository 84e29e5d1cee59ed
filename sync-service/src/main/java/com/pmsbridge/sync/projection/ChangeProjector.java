package com.pmsbridge.sync.projection;

import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.sync.eventstore.EventStore;
import com.pmsbridge.sync.conflict.ConflictRecorder;
import com.pmsbridge.sync.conflict.ConflictRule;
import com.pmsbridge.sync.conflict.HybridLogicalClock;
import com.pmsbridge.sync.lifecycle.LifecycleDeriver;
import com.pmsbridge.sync.ownership.Owner;
import com.pmsbridge.sync.ownership.OwnershipPolicy;
import com.pmsbridge.sync.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.pmsbridge.sync.conflict.SourceVersions.isOlder;

/**
 * Applies one change event to the entity's state, in one transaction with the event store row and the outbox rows
 * of what it caused. Per field, a value older than the field's current version is ignored; a delete is a versioned
 * tombstone that a stale update cannot undo, while a newer create brings the record back.
 */
@ApplicationScoped
public class ChangeProjector {
    public static final String SOURCE_PMS = "pms";
    public static final String SOURCE_HUB = "hub";

    private final EntityManager em;
    private final EventStore eventStore;
    private final LifecycleDeriver deriver;
    private final Outbox outbox;
    private final MeterRegistry metrics;
    private final OwnershipPolicy ownership;
    private final ConflictRecorder conflicts;
    private final HybridLogicalClock clock;

    ChangeProjector(EntityManager em, EventStore eventStore, LifecycleDeriver deriver, Outbox outbox,
                    MeterRegistry metrics, OwnershipPolicy ownership, ConflictRecorder conflicts,
                    HybridLogicalClock clock) {
        this.em = em;
        this.eventStore = eventStore;
        this.deriver = deriver;
        this.outbox = outbox;
        this.metrics = metrics;
        this.ownership = ownership;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    /** Applies a batch of changes in one transaction, in order; a replay of the batch is a no-op. */
    @Transactional
    public java.util.List<ProjectionResult> projectAll(java.util.List<ChangeEvent> events) {
        // two round trips for the whole batch instead of two per event: known event ids, and the states, locked in
        // key order (the same order in every instance, so two instances cannot deadlock)
        java.util.Set<String> seen = eventStore.existing(events.stream().map(ChangeEvent::eventId).toList());
        java.util.List<String> keys = events.stream().map(e -> e.key().value()).distinct().sorted().toList();
        if (!keys.isEmpty()) {
            em.createQuery("from EntityState where entityKey in :keys order by entityKey", EntityState.class)
                    .setParameter("keys", keys).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        }
        java.util.List<ProjectionResult> results = new ArrayList<>(events.size());
        for (ChangeEvent event : events) {
            results.add(seen.add(event.eventId()) ? apply(event, SOURCE_PMS) : ProjectionResult.duplicate());
        }
        return results;
    }

    /**
     * Applies one change from the PMS ({@value #SOURCE_PMS}) or from a hub edit ({@value #SOURCE_HUB}; its fields
     * were checked against the ownership policy by the caller).
     */
    @Transactional
    public ProjectionResult project(ChangeEvent event, String source) {
        if (eventStore.contains(event.eventId())) {
            return ProjectionResult.duplicate();
        }
        return apply(event, source);
    }

    private ProjectionResult apply(ChangeEvent event, String source) {
        clock.observe(event.sourceVersion());
        String key = event.key().value();
        EntityState state = em.find(EntityState.class, key, LockModeType.PESSIMISTIC_WRITE);
        boolean isNew = state == null;
        if (isNew) {
            state = newState(event);
        }
        boolean existedBefore = !isNew && !state.deleted;
        Map<String, Object> before = new LinkedHashMap<>(state.data);

        List<String> changed = new ArrayList<>();
        boolean stale = event.op() == Op.DELETE ? applyDelete(state, event, changed)
                : SOURCE_HUB.equals(source) ? applyHubEdit(state, event, changed) : applyUpsert(state, event, changed);

        state.lastSeq++;
        state.updatedAt = Instant.now();
        if (isNew) {
            em.persist(state);
        }
        eventStore.append(event, state.lastSeq, source, changed, !stale);
        ProjectionResult result = new ProjectionResult(stale ? ProjectionResult.Outcome.STALE
                : ProjectionResult.Outcome.APPLIED, List.copyOf(changed));
        count(event, result);
        if (!stale && !changed.isEmpty()) {
            outbox.addState(state);
            for (LifecycleEvent lifecycle : deriver.derive(event, existedBefore, before, state, changed)) {
                outbox.addLifecycle(lifecycle);
            }
        }
        return result;
    }

    private static EntityState newState(ChangeEvent event) {
        EntityState state = new EntityState();
        state.entityKey = event.key().value();
        state.org = event.org();
        state.connectionId = event.connectionId();
        state.entityType = event.entityType().wireName();
        state.externalId = event.externalId();
        return state;
    }

    /** Returns true when the delete is older than the record and so has no effect on its existence. */
    private static boolean applyDelete(EntityState state, ChangeEvent event, List<String> changed) {
        return RecordMerger.delete(state, event, changed);
    }

    /** A hub edit: hub-owned fields are set; shared fields too, pending until the PMS confirms the write-back. */
    private boolean applyHubEdit(EntityState state, ChangeEvent event, List<String> changed) {
        for (Map.Entry<String, Object> field : event.data().entrySet()) {
            boolean shared = ownership.owner(state.entityType, field.getKey()) == Owner.SHARED;
            if (!Objects.equals(state.data.get(field.getKey()), field.getValue())) {
                changed.add(field.getKey());
                state.data.put(field.getKey(), field.getValue());
            }
            state.fieldVersions.put(field.getKey(), new EntityState.FieldVersion(event.sourceVersion(), SOURCE_HUB, shared));
        }
        return false;
    }

    /**
     * A PMS change for a shared field the hub has changed and the PMS not yet confirmed: the same value is the echo of
     * our write-back (confirmed); another value is a conflict, resolved by the field's rule, the loser recorded.
     * Returns true when the field was handled here.
     */
    private boolean resolveShared(EntityState state, ChangeEvent event, String field, Object pmsValue,
                                  List<String> changed) {
        EntityState.FieldVersion current = state.fieldVersions.get(field);
        if (current == null || !SOURCE_HUB.equals(current.source()) || !current.pending()
                || ownership.owner(state.entityType, field) != Owner.SHARED) {
            return false;
        }
        Object hubValue = state.data.get(field);
        if (Objects.equals(hubValue, pmsValue)) {
            state.fieldVersions.put(field, new EntityState.FieldVersion(current.version(), SOURCE_HUB, false));
            return true;
        }
        ConflictRule rule = ownership.rule(state.entityType, field);
        boolean pmsWins = switch (rule) {
            case PMS_WINS -> true;
            case HUB_WINS -> false;
            case LATEST_WINS -> !isOlder(event.sourceVersion(), current.version());
        };
        conflicts.record(state, field, hubValue, current.version(), pmsValue, event.sourceVersion(), rule.wireName(),
                pmsWins ? SOURCE_PMS : SOURCE_HUB, "both sides changed a shared field", event.eventId());
        if (pmsWins) {
            changed.add(field);
            state.data.put(field, pmsValue);
            state.fieldVersions.put(field, new EntityState.FieldVersion(event.sourceVersion(), SOURCE_PMS, false));
        } else {
            state.fieldVersions.put(field, new EntityState.FieldVersion(current.version(), SOURCE_HUB, false));
        }
        return true;
    }

    /** Returns true when every field of the change is older than what the state holds. */
    private boolean applyUpsert(EntityState state, ChangeEvent event, List<String> changed) {
        return RecordMerger.upsert(state, event, SOURCE_PMS, new RecordMerger.FieldGuard() {
            @Override
            public boolean ignored(String field) {
                return ownership.owner(state.entityType, field) == Owner.HUB; // the PMS does not set hub fields
            }

            @Override
            public boolean resolvedElsewhere(String field, Object value, List<String> fieldsChanged) {
                return resolveShared(state, event, field, value, fieldsChanged);
            }
        }, changed);
    }

    private void count(ChangeEvent event, ProjectionResult result) {
        metrics.counter("pms_sync_events_total", "entity", event.entityType().wireName(), "op", event.op().code(),
                "outcome", result.outcome().name().toLowerCase()).increment();
        if (result.outcome() == ProjectionResult.Outcome.APPLIED && event.occurredAt() != null) {
            // end-to-end freshness: from the change in the PMS (or the hub edit) to its state here
            io.micrometer.core.instrument.Timer.builder("pms_sync_freshness_seconds")
                    .description("From the PMS's change time to the change applied to state")
                    .tag("entity", event.entityType().wireName())
                    .tag("connection", event.connectionId() == null ? "hub" : event.connectionId()).publishPercentileHistogram()
                    .minimumExpectedValue(java.time.Duration.ofMillis(10)).maximumExpectedValue(java.time.Duration.ofHours(1))
                    .register(metrics).record(java.time.Duration.between(event.occurredAt(), Instant.now()).abs());
        }
    }
}
