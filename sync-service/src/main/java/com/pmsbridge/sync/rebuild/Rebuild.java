package com.pmsbridge.sync.rebuild;

import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.sync.ownership.OwnershipPolicy;
import com.pmsbridge.sync.projection.EntityState;
import com.pmsbridge.sync.projection.Evolve;
import com.pmsbridge.sync.projection.Source;
import com.pmsbridge.sync.projection.StateCache;
import com.pmsbridge.sync.projection.StateTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private static final int BATCH = 5_000;
    private static final String EVERY_ENTITY = "";
    private static final String ENTITIES_CHANGED_SINCE = """
            where entity_key in (select live.entity_key from entity_state live
                left join entity_state_rebuild rebuilt on rebuilt.entity_key = live.entity_key
                where rebuilt.last_seq is distinct from live.last_seq)""";
    private final EntityManager em;
    private final OwnershipPolicy ownership;
    private final ManagedExecutor executor;
    private final StateCache cache;
    private final Counter replayed;
    private final Map<UUID, RebuildRun> runs = new ConcurrentHashMap<>();
    private final RebuildRuns table;

    Rebuild(
            EntityManager em,
            OwnershipPolicy ownership,
            ManagedExecutor executor,
            MeterRegistry metrics,
            StateCache cache,
            RebuildRuns table) {
        this.em = em;
        this.table = table;
        this.cache = cache;
        this.ownership = ownership;
        this.executor = executor;
        this.replayed = metrics.counter("pms_sync_replay_events_total");
        // share of the running rebuild's events replayed so far (1 when none runs)
        Gauge.builder(
                        "pms_sync_replay_progress_ratio",
                        runs,
                        all -> all.values().stream()
                                .filter(r -> r.status == RebuildRun.Status.RUNNING)
                                .findFirst()
                                .map(r -> r.totalEvents == 0
                                        ? 0.0
                                        : Math.min(1.0, (double) r.events.get() / r.totalEvents))
                                .orElse(1.0))
                .description("Progress of the running rebuild: events replayed / events in the store")
                .register(metrics);
    }

    /** Starts a rebuild unless one runs on any replica (IllegalStateException naming it). */
    public synchronized RebuildRun start() {
        RebuildRun run = new RebuildRun();
        table.claim(run);
        runs.put(run.id, run);
        executor.runAsync(() -> execute(run));
        return run;
    }

    /** A run of any replica, as last reported. */
    public Optional<RebuildRun.View> run(UUID id) {
        return table.find(id);
    }

    /** The heartbeat: this replica's running rebuild writes its progress, so every replica can report it. */
    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reportProgress() {
        runs.values().stream()
                .filter(r -> r.status == RebuildRun.Status.RUNNING)
                .forEach(r -> {
                    try {
                        table.report(r);
                    } catch (RuntimeException e) {
                        LOG.warnf(
                                "rebuild %s progress not written: %s",
                                r.id, e.getClass().getSimpleName());
                    }
                });
    }

    private void execute(RebuildRun run) {
        try {
            prepare(run);
            replayAll(run);
            catchUpAndSwap(run);
            run.status = RebuildRun.Status.COMPLETED;
        } catch (RuntimeException e) {
            LOG.warnf("rebuild %s failed: %s", run.id, e.getMessage());
            run.error = e.getMessage();
            run.status = RebuildRun.Status.FAILED;
        } finally {
            run.finishedAt = Instant.now();
            try {
                table.report(run);
            } catch (RuntimeException e) {
                // the row stays RUNNING until its heartbeat is old enough for the next request to end it
                LOG.warnf(
                        "rebuild %s outcome not written: %s",
                        run.id, e.getClass().getSimpleName());
            }
        }
    }

    /** A fresh table to rebuild into, and the store's size for the progress. */
    void prepare(RebuildRun run) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("drop table if exists entity_state_rebuild").executeUpdate();
            // LIKE copies columns and indexes, not storage parameters: the fill factor of migration V9 is set again
            em.createNativeQuery("create table entity_state_rebuild (like entity_state including all) "
                            + "with (fillfactor = 70)")
                    .executeUpdate();
            run.totalEvents = ((Number) em.createNativeQuery("select count(*) from event_store")
                            .getSingleResult())
                    .longValue();
        });
    }

    /** The long pass, while the live projection goes on. */
    void replayAll(RebuildRun run) {
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> replayInTransaction(run, EVERY_ENTITY));
    }

    /**
     * Replays what the live projection changed meanwhile and swaps the tables, with the live projection held. The lock
     * is the one the rename needs (access exclusive), taken first: holding a weaker one (exclusive, which lets reads
     * through) and upgrading at the rename deadlocked with a projection batch that had read its states and then waited
     * to write them (two of three rebuilds under the demo's traffic failed so).
     */
    void catchUpAndSwap(RebuildRun run) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("lock table entity_state in access exclusive mode")
                    .executeUpdate();
            replayInTransaction(run, ENTITIES_CHANGED_SINCE);
            em.createNativeQuery("alter table entity_state rename to entity_state_old")
                    .executeUpdate();
            em.createNativeQuery("alter table entity_state_rebuild rename to entity_state")
                    .executeUpdate();
            em.createNativeQuery("drop table entity_state_old").executeUpdate();
        });
        cache.clear(); // its row versions are the old table's: a batch would fail on them once, then read anew
    }

    /**
     * One pass over the event store in (entity, sequence) order through a server-side cursor: each entity's events are
     * merged in memory, and finished states are written {@value #BATCH} at a time in one statement each.
     *
     * @param filter which entities: all of them, or for the catch-up before the swap (under the lock, so every live
     *               transaction has committed) those whose live state has moved past the rebuilt one. The live last
     *               sequence decides, not the events' arrival: a transaction that was open during the first pass
     *               is caught up whenever it committed.
     */
    private void replayInTransaction(RebuildRun run, String filter) {
        em.unwrap(Session.class).doWork(connection -> {
            List<EntityState> finished = new ArrayList<>(BATCH);
            try (PreparedStatement select =
                    connection.prepareStatement("select entity_key, source, payload::text from event_store " + filter
                            + " order by entity_key, entity_seq")) {
                select.setFetchSize(5_000);
                try (ResultSet rows = select.executeQuery()) {
                    EntityState current = null;
                    while (rows.next()) {
                        String key = rows.getString(1);
                        if (current == null || !current.entityKey.equals(key)) {
                            if (current != null) {
                                finished.add(current);
                                if (finished.size() == BATCH) {
                                    write(connection, run, finished);
                                }
                            }
                            current = new EntityState();
                            current.entityKey = key;
                        }
                        apply(current, Source.fromWireName(rows.getString(2)), read(rows.getString(3)));
                        run.events.incrementAndGet();
                        replayed.increment();
                    }
                    if (current != null) {
                        finished.add(current);
                    }
                }
            }
            write(connection, run, finished);
        });
    }

    private void write(Connection connection, RebuildRun run, List<EntityState> states) throws SQLException {
        StateTable.rebuild().upsertAll(connection, states);
        run.entities.addAndGet(states.size());
        states.clear();
    }

    private void apply(EntityState state, Source source, ChangeEvent event) {
        if (state.org == null) {
            state.org = event.org();
            state.connectionId = event.connectionId();
            state.entityType = event.entityType().wireName();
            state.externalId = event.externalId();
        }
        // the live projection's own step; the conflicts and write-backs it met were recorded and sent back then
        Evolve.apply(state, event, source, ownership.of(state.org, state.connectionId));
        state.lastSeq++;
    }

    private static ChangeEvent read(String json) {
        try {
            return ContractJson.mapper().readValue(json, ChangeEvent.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable event in the store", e);
        }
    }
}
