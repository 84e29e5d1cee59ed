package com.pmsbridge.connector.connection;

import com.pmsbridge.connector.adapter.PmsUnavailableException;
import com.pmsbridge.contract.event.WritebackCommand;
import com.pmsbridge.contract.event.WritebackResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derives a connection's status from the PMS's answers: 401/403 → DISCONNECTED (reauthorize), other failures →
 * DEGRADED, a success → CONNECTED. Exposes status and seconds since the last success as gauges per connection.
 */
@ApplicationScoped
public class ConnectionHealth {
    private final MeterRegistry metrics;
    private final Map<String, ConnectionStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, Integer> pollIntervals = new ConcurrentHashMap<>();

    ConnectionHealth(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /**
     * Every connection has its health series from startup (and within a minute of its creation), used or not: an
     * idle or push-only connection's disconnection must be visible too.
     */
    @Scheduled(every = "60s", delayed = "5s")
    @Transactional
    void registerAll() {
        Connection.<Connection>listAll().forEach(connection -> {
            if (!statuses.containsKey(connection.id)) {
                register(connection);
            }
        });
    }

    @Transactional
    public Connection find(String id) {
        Connection connection = Connection.findById(id);
        if (connection != null) {
            register(connection);
            Connection.getEntityManager().detach(connection);
        }
        return connection;
    }

    @Transactional
    public void succeeded(String connectionId) {
        Instant now = Instant.now();
        lastSuccess.put(connectionId, now);
        if (statuses.get(connectionId) != ConnectionStatus.CONNECTED) {
            Connection.update(
                    "status = ?1, lastSuccessAt = ?2, lastError = null where id = ?3",
                    ConnectionStatus.CONNECTED,
                    now,
                    connectionId);
            statuses.put(connectionId, ConnectionStatus.CONNECTED);
        }
    }

    @Transactional
    public void failed(String connectionId, PmsUnavailableException e) {
        ConnectionStatus status = e.unauthorized() ? ConnectionStatus.DISCONNECTED : ConnectionStatus.DEGRADED;
        String reason = e.getMessage().length() > 500 ? e.getMessage().substring(0, 500) : e.getMessage();
        Connection.update("status = ?1, lastError = ?2 where id = ?3", status, reason, connectionId);
        statuses.put(connectionId, status);
    }

    private void register(Connection connection) {
        if (connection.mode == ConnectionMode.POLLING || connection.mode == ConnectionMode.BOTH) {
            pollIntervals.put(connection.id, connection.pollIntervalSeconds);
        } else {
            pollIntervals.remove(connection.id); // push only: no interval, so SyncOverdue cannot fire for it
        }
        if (statuses.putIfAbsent(connection.id, connection.status) == null) {
            if (connection.lastSuccessAt != null) {
                lastSuccess.put(connection.id, connection.lastSuccessAt);
            }
            Gauge.builder(
                            "pms_connector_connection_status",
                            statuses,
                            s -> s.get(connection.id).ordinal())
                    .description("0 = CONNECTED, 1 = DEGRADED, 2 = DISCONNECTED")
                    .tags("connection", connection.id, "org", connection.org)
                    .register(metrics);
            Gauge.builder(
                            "pms_connector_last_success_age_seconds",
                            lastSuccess,
                            s -> s.containsKey(connection.id)
                                    ? (Instant.now().toEpochMilli()
                                                    - s.get(connection.id).toEpochMilli())
                                            / 1000.0
                                    : Double.NaN)
                    .tags("connection", connection.id, "org", connection.org)
                    .baseUnit("seconds")
                    .register(metrics);
            // lets an alert compare the time since the last success with the connection's own interval (polling
            // connections only: a push-only one has no interval, so its series is absent, NaN)
            Gauge.builder(
                            "pms_connector_poll_interval_seconds",
                            pollIntervals,
                            s -> s.containsKey(connection.id) ? s.get(connection.id) : Double.NaN)
                    .tags("connection", connection.id, "org", connection.org)
                    .baseUnit("seconds")
                    .register(metrics);
            startAtZero(connection.id);
        }
    }

    /**
     * Counters the alerts watch exist from the start at 0, so the first dead letter or failed write-back is an
     * increase Prometheus can see (a series that appears at 1 is not one).
     */
    private void startAtZero(String connectionId) {
        for (String stage : List.of("mapping", "fetch")) {
            metrics.counter("pms_connector_dead_letters_total", "connection", connectionId, "stage", stage);
        }
        for (WritebackCommand.Type type : WritebackCommand.Type.values()) {
            for (WritebackResult.Status status :
                    List.of(WritebackResult.Status.FAILED, WritebackResult.Status.REJECTED)) {
                metrics.counter(
                        "pms_connector_writeback_total",
                        "connection",
                        connectionId,
                        "type",
                        type.name(),
                        "status",
                        status.name());
            }
        }
    }
}
