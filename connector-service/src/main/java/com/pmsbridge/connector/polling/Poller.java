package com.pmsbridge.connector.polling;

import com.pmsbridge.connector.adapter.PmsAdapter;
import com.pmsbridge.connector.adapter.PmsAdapters;
import com.pmsbridge.connector.adapter.PmsPage;
import com.pmsbridge.connector.adapter.PmsUnavailableException;
import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.connector.connection.ConnectionHealth;
import com.pmsbridge.connector.connection.ConnectionMode;
import com.pmsbridge.connector.emit.PageEmitter;
import com.pmsbridge.connector.lease.LeaseLostException;
import com.pmsbridge.connector.lease.Leases;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.service.logging.LogContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Polls each due connection per entity type from its persisted cursor minus an overlap, page by page, and emits only
 * records whose data changed. The first poll of a type has no cursor: it emits snapshots ({@code op} r) that set state
 * without raising actions. The cursor moves to the poll's start time only after every page was published. Due
 * connections are polled in parallel on a bounded pool, each at most once at a time across replicas (a lease, renewed
 * per page), and a connection whose poll failed waits out a growing backoff.
 */
@ApplicationScoped
public class Poller {
    private static final Logger LOG = Logger.getLogger(Poller.class);
    private final PmsAdapters adapters;
    private final PageEmitter emitter;
    private final ConnectionHealth health;
    private final PollingConfig config;
    private final MeterRegistry metrics;
    private final ExecutorService workers;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final PollBackoff backoff;
    private final Leases leases;

    Poller(
            PmsAdapters adapters,
            PageEmitter emitter,
            ConnectionHealth health,
            PollingConfig config,
            MeterRegistry metrics,
            Leases leases) {
        this.leases = leases;
        this.adapters = adapters;
        this.emitter = emitter;
        this.health = health;
        this.config = config;
        this.metrics = metrics;
        this.workers = Executors.newFixedThreadPool(
                config.parallelConnections(),
                Thread.ofPlatform().name("poller-", 0).factory());
        this.backoff = new PollBackoff(config.maxFailureBackoff(), Clock.systemUTC());
    }

    @Scheduled(
            every = "${connector.polling.tick:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = PollingDisabled.class)
    void pollDueConnections() {
        dispatch(QuarkusTransaction.requiringNew()
                .call(() ->
                        Connection.<Connection>list("mode in ?1", List.of(ConnectionMode.POLLING, ConnectionMode.BOTH))
                                .stream()
                                .filter(c -> !backoff.waiting(c.id) && !inFlight.contains(c.id))
                                .filter(this::isDue)
                                .toList()));
    }

    /** Hands each connection not already being polled to the pool and returns at once. */
    void dispatch(List<Connection> connections) {
        for (Connection connection : connections) {
            if (inFlight.add(connection.id)) {
                workers.execute(() -> pollInBackground(connection.id, connection.pollIntervalSeconds));
            }
        }
    }

    /** Polls the connection unless another replica holds its lease (it polls it); hands the lease back after. */
    private void pollInBackground(String connectionId, int intervalSeconds) {
        String lease = Leases.poll(connectionId);
        boolean taken = false;
        try (LogContext context = LogContext.of(null, connectionId)) {
            taken = leases.take(lease);
            if (taken) {
                poll(connectionId);
                backoff.succeeded(connectionId);
            }
        } catch (LeaseLostException e) {
            LOG.infof("poll of connection %s left to the replica that took its lease", connectionId);
        } catch (RuntimeException e) {
            Instant retryAt = backoff.failed(connectionId, Duration.ofSeconds(Math.max(1, intervalSeconds)));
            LOG.warnf("poll of connection %s failed (%s); next attempt at %s", connectionId, e.getMessage(), retryAt);
        } finally {
            if (taken) {
                leases.release(lease);
            }
            inFlight.remove(connectionId);
        }
    }

    /**
     * Polls every listable type of one connection now, each on its own: one type that fails does not stop the others
     * (its cursor stays, theirs move). Returns the number of change events emitted; throws the first failure after
     * every type had its turn.
     */
    @ActivateRequestContext
    public int poll(String connectionId) {
        Connection connection = health.find(connectionId);
        PmsAdapter adapter = adapters.forType(connection.pmsType).orElseThrow();
        int emitted = 0;
        RuntimeException firstFailure = null;
        for (EntityType type : adapter.listableTypes()) {
            try {
                emitted += pollType(connection, adapter, type);
            } catch (RuntimeException e) {
                LOG.debugf("poll of %s for connection %s failed: %s", type.wireName(), connectionId, e.getMessage());
                firstFailure = firstFailure == null ? e : firstFailure;
                if (e instanceof LeaseLostException
                        || (e instanceof PmsUnavailableException pms
                                && ("circuit_open".equals(pms.getMessage()) || pms.unauthorized()))) {
                    break; // the other types would fail the same way
                }
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        return emitted;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    private int pollType(Connection connection, PmsAdapter adapter, EntityType type) {
        PollCursor cursor = cursor(connection.id, type);
        Instant started = Instant.now();
        Instant since = cursor.updatedSince == null ? null : cursor.updatedSince.minus(config.overlap());
        Op op = cursor.updatedSince == null ? Op.SNAPSHOT : Op.UPDATE;
        int emitted = 0;
        try {
            int offset = 0;
            PmsPage page;
            do {
                if (!leases.take(Leases.poll(connection.id))) {
                    // renewed per page: a replica that stalled past its lease stops rather than poll beside another
                    throw new LeaseLostException(Leases.poll(connection.id));
                }
                page = adapter.list(connection, type, since, offset, config.pageSize(), op);
                emitted += emitter.emit(connection, page, true, "poll|" + started);
                offset += page.fetched();
                metrics.counter(
                                "pms_connector_poll_pages_total",
                                "connection",
                                connection.id,
                                "entity",
                                type.wireName())
                        .increment();
            } while (page.fetched() > 0 && offset < page.total());
            health.succeeded(connection.id);
        } catch (PmsUnavailableException e) {
            health.failed(connection.id, e);
            throw e;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            PollCursor stored = PollCursor.findById(new PollCursor.Key(connection.id, type.wireName()));
            stored.updatedSince = started;
            stored.lastPollAt = started;
            stored.lastSuccessAt = Instant.now();
        });
        metrics.counter(
                        "pms_connector_poll_records_emitted_total",
                        "connection",
                        connection.id,
                        "entity",
                        type.wireName())
                .increment(emitted);
        return emitted;
    }

    private PollCursor cursor(String connectionId, EntityType type) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PollCursor cursor = PollCursor.findById(new PollCursor.Key(connectionId, type.wireName()));
            if (cursor == null) {
                cursor = new PollCursor();
                cursor.connectionId = connectionId;
                cursor.entityType = type.wireName();
                cursor.persist();
            }
            PollCursor copy = new PollCursor();
            copy.connectionId = cursor.connectionId;
            copy.entityType = cursor.entityType;
            copy.updatedSince = cursor.updatedSince;
            return copy;
        });
    }

    /**
     * Due when a listable type has not been polled to the end yet (a first poll, or one a dead replica left halfway)
     * or the oldest completed poll is an interval old.
     */
    private boolean isDue(Connection connection) {
        int types = adapters.forType(connection.pmsType)
                .map(adapter -> adapter.listableTypes().size())
                .orElse(0);
        List<Instant> polled = PollCursor.<PollCursor>list("connectionId", connection.id).stream()
                .map(c -> c.lastPollAt)
                .filter(Objects::nonNull)
                .toList();
        if (polled.size() < types) {
            return true;
        }
        Instant last = polled.stream().min(Instant::compareTo).orElse(null);
        return last == null || Duration.between(last, Instant.now()).getSeconds() >= connection.pollIntervalSeconds;
    }
}
