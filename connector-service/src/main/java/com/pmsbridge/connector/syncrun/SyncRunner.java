package com.pmsbridge.connector.syncrun;

import com.pmsbridge.connector.adapter.PmsAdapter;
import com.pmsbridge.connector.adapter.PmsAdapters;
import com.pmsbridge.connector.adapter.PmsPage;
import com.pmsbridge.connector.adapter.PmsUnavailableException;
import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.connector.connection.ConnectionHealth;
import com.pmsbridge.connector.emit.PageEmitter;
import com.pmsbridge.connector.lease.Leases;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.service.failure.TransientFailures;
import com.pmsbridge.service.logging.LogContext;
import com.pmsbridge.service.persistence.UniqueViolations;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads every entity of a connection, page by page, and emits snapshot events ({@code op} r): state for downstream,
 * not news, so a Sync raises no queue item by itself. After each page the checkpoint (type, offset, counts) is
 * committed. One replica at a time runs a run (a lease, renewed per page); a run whose replica died is resumed from
 * its checkpoint by the replica that takes the lease after it expired. Event ids derive from the run, so a page
 * re-read after a crash carries the same ids and consumers drop the copies.
 */
@ApplicationScoped
public class SyncRunner {
    private static final Logger LOG = Logger.getLogger(SyncRunner.class);
    private final PmsAdapters adapters;
    private final PageEmitter emitter;
    private final ConnectionHealth health;
    private final SyncRunConfig config;
    private final ManagedExecutor executor;
    private final MeterRegistry metrics;
    private final SyncRunPublisher runs;
    private final Leases leases;
    /** Runs this replica is running now. */
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();

    SyncRunner(
            PmsAdapters adapters,
            PageEmitter emitter,
            ConnectionHealth health,
            SyncRunConfig config,
            ManagedExecutor executor,
            MeterRegistry metrics,
            SyncRunPublisher runs,
            Leases leases) {
        this.leases = leases;
        this.adapters = adapters;
        this.emitter = emitter;
        this.health = health;
        this.config = config;
        this.executor = executor;
        this.metrics = metrics;
        this.runs = runs;
    }

    /**
     * Resumes runs that are RUNNING but run nowhere: their replica died (its lease expired) or the service restarted.
     * A run another replica still holds the lease of is left to it.
     */
    @Scheduled(every = "${connector.sync.resume-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeAbandoned() {
        if (!config.resumeAbandoned()) {
            return; // tests run their Syncs themselves
        }
        List<UUID> running = QuarkusTransaction.requiringNew()
                .call(() -> SyncRun.<SyncRun>list("status", SyncRun.RUNNING).stream()
                        .map(r -> r.id)
                        .filter(id -> !active.contains(id))
                        .toList());
        running.forEach(id -> executor.runAsync(() -> run(id, Integer.MAX_VALUE)));
    }

    /** Creates a run for a connection (listable types only) and starts it in the background. */
    public SyncRun start(Connection connection, String requestedBy) {
        SyncRun run = create(connection, requestedBy);
        if (SyncRun.RUNNING.equals(run.status)) {
            executor.runAsync(() -> run(run.id, Integer.MAX_VALUE));
        }
        return run;
    }

    /**
     * Creates a run without starting it: 409 naming the running run when the connection has one (a unique index makes
     * that hold across replicas), 429 when the organisation has its quota of running Syncs.
     */
    public SyncRun create(Connection connection, String requestedBy) {
        PmsAdapter adapter = adapters.forType(connection.pmsType).orElseThrow();
        List<EntityType> types = adapter.listableTypes().stream().sorted().toList();
        try {
            return QuarkusTransaction.requiringNew().call(() -> insert(connection, requestedBy, types));
        } catch (RuntimeException e) {
            if (!UniqueViolations.is(e)) {
                throw e;
            }
            // a request on another replica won the race for the connection's one running run
            throw runningAlready(connection.id);
        }
    }

    private SyncRun insert(Connection connection, String requestedBy, List<EntityType> types) {
        SyncRun running = SyncRun.<SyncRun>find("connectionId = ?1 and status = ?2", connection.id, SyncRun.RUNNING)
                .firstResult();
        if (running != null) {
            throw runningAlready(connection.id, running.id);
        }
        if (SyncRun.count("org = ?1 and status = ?2", connection.org, SyncRun.RUNNING)
                >= config.runningPerOrganisation()) {
            throw new ClientErrorException(
                    "the organisation already has " + config.runningPerOrganisation()
                            + " Syncs running; start this one when one has finished",
                    429);
        }
        SyncRun created = new SyncRun();
        created.id = UUID.randomUUID();
        created.connectionId = connection.id;
        created.org = connection.org;
        created.status = types.isEmpty() ? SyncRun.COMPLETED : SyncRun.RUNNING;
        created.entityTypes = types.stream().map(EntityType::wireName).collect(Collectors.joining(","));
        created.currentType = types.isEmpty() ? null : types.getFirst().wireName();
        created.requestedBy = requestedBy;
        created.startedAt = Instant.now();
        created.updatedAt = created.startedAt;
        created.finishedAt = types.isEmpty() ? created.startedAt : null;
        created.persist();
        SyncRun.flush();
        return created;
    }

    private static ClientErrorException runningAlready(String connectionId, UUID runId) {
        return new ClientErrorException("a Sync of connection '" + connectionId + "' is running: run " + runId, 409);
    }

    private static ClientErrorException runningAlready(String connectionId) {
        return new ClientErrorException("a Sync of connection '" + connectionId + "' is running", 409);
    }

    /**
     * Runs (or resumes) a run for at most {@code maxPages} pages; returns true when the run is complete.
     * Tests use the page limit to stop a run halfway, as a crash would.
     */
    public boolean run(UUID runId, int maxPages) {
        if (!active.add(runId)) {
            return false; // this replica runs it already
        }
        String lease = null;
        try {
            SyncRun run = QuarkusTransaction.requiringNew().call(() -> detached(SyncRun.findById(runId)));
            if (run == null || !SyncRun.RUNNING.equals(run.status)) {
                return run != null;
            }
            if (!leases.take(Leases.sync(run.connectionId))) {
                return false; // another replica runs it
            }
            lease = Leases.sync(run.connectionId); // held from here: handed back however the run ends
            if (!SyncRun.RUNNING.equals(
                    QuarkusTransaction.requiringNew().call(() -> SyncRun.<SyncRun>findById(runId).status))) {
                return true; // the replica that held the lease finished it meanwhile
            }
            try (LogContext context = LogContext.of(run.org, run.connectionId)) {
                LOG.infof("running sync run %s of connection %s", runId, run.connectionId);
                return runHoldingLease(run, lease, maxPages);
            }
        } finally {
            if (lease != null) {
                leases.release(lease);
            }
            active.remove(runId);
        }
    }

    private boolean runHoldingLease(SyncRun run, String lease, int maxPages) {
        UUID runId = run.id;
        Connection connection = health.find(run.connectionId);
        PmsAdapter adapter = adapters.forType(connection.pmsType).orElseThrow();
        List<String> types = Arrays.asList(run.entityTypes.split(","));
        int index = types.indexOf(run.currentType);
        int offset = run.nextOffset;
        int pages = 0;
        try {
            while (index < types.size()) {
                if (pages++ >= maxPages) {
                    return false;
                }
                if (!leases.take(lease)) {
                    LOG.infof("sync run %s left to the replica that took its lease", runId);
                    return false;
                }
                EntityType type = EntityType.fromWireName(types.get(index));
                PmsPage page = adapter.list(connection, type, null, offset, config.pageSize(), Op.SNAPSHOT);
                int emitted = emitter.emit(connection, page, false, "sync|" + runId);
                offset += page.fetched();
                boolean typeDone = page.fetched() == 0 || offset >= page.total();
                String nextType =
                        typeDone ? (index + 1 < types.size() ? types.get(index + 1) : null) : types.get(index);
                int nextOffset = typeDone ? 0 : offset;
                checkpoint(runId, nextType, nextOffset, emitted, page.rejects().size());
                metrics.counter(
                                "pms_connector_sync_records_total",
                                "connection",
                                connection.id,
                                "entity",
                                type.wireName())
                        .increment(emitted);
                if (typeDone) {
                    index++;
                    offset = 0;
                }
            }
            SyncRun finished = finish(runId, SyncRun.COMPLETED, null);
            health.succeeded(connection.id);
            announce(finished);
            return true;
        } catch (PmsUnavailableException e) {
            health.failed(connection.id, e);
            finish(runId, SyncRun.FAILED, e.getMessage());
            return true;
        } catch (RuntimeException e) {
            // Kafka or the database: the run ends FAILED with the reason, so the connection can be synced again
            // (a crash instead leaves it RUNNING, and the next start resumes it from its checkpoint)
            String reason = "interrupted: " + TransientFailures.describe(e);
            LOG.warnf("sync run %s %s", runId, reason);
            try {
                finish(runId, SyncRun.FAILED, reason);
            } catch (RuntimeException unrecorded) {
                LOG.warnf("sync run %s stays RUNNING until the next start resumes it: %s", runId, reason);
            }
            throw e;
        }
    }

    private void checkpoint(UUID runId, String nextType, int nextOffset, int records, int errors) {
        QuarkusTransaction.requiringNew().run(() -> {
            SyncRun run = SyncRun.findById(runId);
            run.currentType = nextType;
            run.nextOffset = nextOffset;
            run.pages++;
            run.records += records;
            run.errors += errors;
            run.updatedAt = Instant.now();
        });
    }

    private SyncRun finish(UUID runId, String status, String error) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SyncRun run = SyncRun.findById(runId);
            run.status = status;
            run.finishedAt = Instant.now();
            run.updatedAt = run.finishedAt;
            run.lastError = error == null ? null : error.substring(0, Math.min(500, error.length()));
            return run;
        });
    }

    /**
     * Tells sync-service the snapshot is complete so it can reconcile. A failure here loses only that run's
     * reconciliation (the state is complete either way), so it is logged, not retried.
     */
    private void announce(SyncRun run) {
        try {
            runs.completed(run);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "sync run %s completed but could not be announced for reconciliation: %s", run.id, e.getMessage());
        }
    }

    private static SyncRun detached(SyncRun run) {
        if (run != null) {
            SyncRun.getEntityManager().detach(run);
        }
        return run;
    }
}
