package com.pmsbridge.sync.rebuild;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.sync.ownership.Owner;
import com.pmsbridge.sync.ownership.OwnershipPolicy;
import com.pmsbridge.sync.projection.ChangeProjector;
import com.pmsbridge.sync.projection.EntityState;
import com.pmsbridge.sync.projection.RecordMerger;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds the projection from the event store into a fresh table and swaps it in when done, so a fix of the merge
 * or a change of the ownership policy applies to history. Events are replayed entity by entity in arrival order
 * through the same merge as the live projection; events that arrive during the rebuild are caught up under a
 * table lock just before the swap. Conflicts are not recorded again (they are history already).
 */
@ApplicationScoped
public class Rebuild {
    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    private static final int BATCH = 500;
    private final EntityManager em;
    private final OwnershipPolicy ownership;
    private final ManagedExecutor executor;
    private final MeterRegistry metrics;
    private final Map<UUID, RebuildRun> runs = new ConcurrentHashMap<>();

    Rebuild(EntityManager em, OwnershipPolicy ownership, ManagedExecutor executor, MeterRegistry metrics) {
        this.em = em;
        this.ownership = ownership;
        this.executor = executor;
        this.metrics = metrics;
    }

    public synchronized RebuildRun start() {
        if (runs.values().stream().anyMatch(r -> r.status == RebuildRun.Status.RUNNING)) {
            throw new IllegalStateException("a rebuild is already running");
        }
        RebuildRun run = new RebuildRun();
        runs.put(run.id, run);
        executor.runAsync(() -> execute(run));
        return run;
    }

    public RebuildRun run(UUID id) {
        return runs.get(id);
    }

    private void execute(RebuildRun run) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("drop table if exists entity_state_rebuild").executeUpdate();
                em.createNativeQuery("create table entity_state_rebuild (like entity_state including all)").executeUpdate();
                run.totalEvents = ((Number) em.createNativeQuery("select count(*) from event_store").getSingleResult()).longValue();
            });
            long upTo = replay(run, 0);
            QuarkusTransaction.requiringNew().run(() -> {
                // stop the live projection for the moment of the catch-up and the swap
                em.createNativeQuery("lock table entity_state in exclusive mode").executeUpdate();
                replayInTransaction(run, upTo);
                em.createNativeQuery("alter table entity_state rename to entity_state_old").executeUpdate();
                em.createNativeQuery("alter table entity_state_rebuild rename to entity_state").executeUpdate();
                em.createNativeQuery("drop table entity_state_old").executeUpdate();
            });
            run.status = RebuildRun.Status.COMPLETED;
        } catch (RuntimeException e) {
            LOG.warnf("rebuild %s failed: %s", run.id, e.getMessage());
            run.error = e.getMessage();
            run.status = RebuildRun.Status.FAILED;
        } finally {
            run.finishedAt = java.time.Instant.now();
        }
    }

    /** Replays every entity with events after {@code fromSeq}; returns the highest sequence replayed. */
    private long replay(RebuildRun run, long fromSeq) {
        return QuarkusTransaction.requiringNew().call(() -> replayInTransaction(run, fromSeq));
    }

    @SuppressWarnings("unchecked")
    private long replayInTransaction(RebuildRun run, long fromSeq) {
        long maxSeq = fromSeq;
        List<String> keys = em.createNativeQuery(
                "select distinct entity_key from event_store where seq > ?1 order by entity_key")
                .setParameter(1, fromSeq).getResultList();
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + BATCH));
            List<Object[]> rows = em.createNativeQuery("""
                            select entity_key, seq, source, cast(payload as text) from event_store
                            where entity_key in (?1) order by entity_key, entity_seq""")
                    .setParameter(1, chunk).getResultList();
            List<EntityState> states = new ArrayList<>();
            EntityState current = null;
            for (Object[] row : rows) {
                String key = (String) row[0];
                if (current == null || !current.entityKey.equals(key)) {
                    current = new EntityState();
                    current.entityKey = key;
                    states.add(current);
                }
                maxSeq = Math.max(maxSeq, ((Number) row[1]).longValue());
                apply(current, (String) row[2], read((String) row[3]));
                run.events.incrementAndGet();
            }
            states.forEach(this::insert);
            run.entities.addAndGet(states.size());
            metrics.counter("pms_sync_replay_events_total").increment(rows.size());
        }
        return maxSeq;
    }

    private void apply(EntityState state, String source, ChangeEvent event) {
        if (state.org == null) {
            state.org = event.org();
            state.connectionId = event.connectionId();
            state.entityType = event.entityType().wireName();
            state.externalId = event.externalId();
        }
        List<String> changed = new ArrayList<>();
        if (event.op() == Op.DELETE) {
            RecordMerger.delete(state, event, changed);
        } else if (ChangeProjector.SOURCE_HUB.equals(source)) {
            event.data().forEach((field, value) -> {
                state.data.put(field, value);
                state.fieldVersions.put(field, new EntityState.FieldVersion(event.sourceVersion(), ChangeProjector.SOURCE_HUB));
            });
        } else {
            RecordMerger.upsert(state, event, ChangeProjector.SOURCE_PMS, new RecordMerger.FieldGuard() {
                @Override
                public boolean ignored(String field) {
                    return ownership.owner(state.entityType, field) == Owner.HUB;
                }

                @Override
                public boolean resolvedElsewhere(String field, Object value, List<String> fieldsChanged) {
                    return false;
                }
            }, changed);
        }
        state.lastSeq++;
    }

    private void insert(EntityState state) {
        em.createNativeQuery("""
                        insert into entity_state_rebuild (entity_key, org, connection_id, entity_type, external_id, data,
                            field_versions, version, deleted, last_seq, updated_at, delete_version)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), cast(?7 as jsonb), ?8, ?9, ?10, now(), ?11)
                        on conflict (entity_key) do update set data = excluded.data, field_versions = excluded.field_versions,
                            version = excluded.version, deleted = excluded.deleted, last_seq = excluded.last_seq,
                            updated_at = now(), delete_version = excluded.delete_version""")
                .setParameter(1, state.entityKey).setParameter(2, state.org).setParameter(3, state.connectionId)
                .setParameter(4, state.entityType).setParameter(5, state.externalId).setParameter(6, json(state.data))
                .setParameter(7, json(state.fieldVersions)).setParameter(8, state.version).setParameter(9, state.deleted)
                .setParameter(10, state.lastSeq).setParameter(11, state.deleteVersion).executeUpdate();
    }

    private static ChangeEvent read(String json) {
        try {
            return ContractJson.mapper().readValue(json, ChangeEvent.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable event in the store", e);
        }
    }

    private static String json(Object value) {
        try {
            return ContractJson.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
