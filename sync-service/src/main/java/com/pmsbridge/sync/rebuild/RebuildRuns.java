package com.pmsbridge.sync.rebuild;

import com.pmsbridge.service.persistence.SqlTimes;
import com.pmsbridge.service.persistence.UniqueViolations;
import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rebuild runs of every replica in {@code rebuild_run}: at most one RUNNING (a unique index), progress and a
 * heartbeat written by the replica that runs it, read by any replica. A run whose heartbeat stopped for
 * {@link #ABANDONED_AFTER} is ended as FAILED when the next rebuild is requested.
 */
@ApplicationScoped
public class RebuildRuns {
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    private final EntityManager em;

    RebuildRuns(EntityManager em) {
        this.em = em;
    }

    /** Records the run as the one running; throws IllegalStateException naming the run already running. */
    void claim(RebuildRun run) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("""
                                update rebuild_run set status = 'FAILED', finished_at = now(),
                                    error = 'abandoned: its replica stopped reporting'
                                where status = 'RUNNING' and heartbeat_at < ?1""")
                        .setParameter(1, Instant.now().minus(ABANDONED_AFTER))
                        .executeUpdate();
                em.createNativeQuery("""
                                insert into rebuild_run (id, status, started_at, heartbeat_at)
                                values (?1, 'RUNNING', ?2, now())""")
                        .setParameter(1, run.id)
                        .setParameter(2, run.startedAt)
                        .executeUpdate();
                em.flush();
            });
        } catch (RuntimeException e) {
            if (!UniqueViolations.is(e)) {
                throw e;
            }
            throw new IllegalStateException("a rebuild is already running"
                    + running().map(id -> ": " + id).orElse(""));
        }
    }

    /** Writes the run's progress (and so its heartbeat). */
    void report(RebuildRun run) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        update rebuild_run set status = ?2, events = ?3, total_events = ?4, entities = ?5,
                            finished_at = ?6, error = ?7, heartbeat_at = now()
                        where id = ?1""")
                        .setParameter(1, run.id)
                        .setParameter(2, run.status.name())
                        .setParameter(3, run.events.get())
                        .setParameter(4, run.totalEvents)
                        .setParameter(5, run.entities.get())
                        .setParameter(6, run.finishedAt)
                        .setParameter(
                                7, run.error == null ? null : run.error.substring(0, Math.min(500, run.error.length())))
                        .executeUpdate());
    }

    Optional<RebuildRun.View> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                                select id, status, events, total_events, entities, started_at, finished_at, error
                                from rebuild_run where id = ?1""").setParameter(1, id).getResultList());
        return rows.stream()
                .findFirst()
                .map(r -> new RebuildRun.View(
                        (UUID) r[0],
                        RebuildRun.Status.valueOf((String) r[1]),
                        ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue(),
                        SqlTimes.toInstant(r[5]),
                        SqlTimes.toInstant(r[6]),
                        (String) r[7]));
    }

    private Optional<UUID> running() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select id from rebuild_run where status = 'RUNNING'")
                        .getResultList());
        return ids.stream().findFirst();
    }
}
