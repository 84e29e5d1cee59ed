package com.pmsbridge.sync.reconciliation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code pms_sync_drift_records{org, connection, kind}}: what the latest reconciliation of each connection found;
 * {@code pms_sync_reconciliations_total{status}}.
 */
@ApplicationScoped
public class DriftMetrics {
    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> latest = new ConcurrentHashMap<>();

    DriftMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Reconciliation run) {
        set(run, "missing_in_hub", run.missingInHub);
        set(run, "missing_in_pms", run.missingInPms);
        set(run, "field_difference", run.fieldDifferences);
        registry.counter("pms_sync_reconciliations_total", "status", run.status.toLowerCase())
                .increment();
    }

    private void set(Reconciliation run, String kind, int value) {
        latest.computeIfAbsent(run.org + '|' + run.connectionId + '|' + kind, k -> {
                    AtomicInteger holder = new AtomicInteger();
                    Gauge.builder("pms_sync_drift_records", holder, AtomicInteger::get)
                            .description("Drifted records found by the latest reconciliation of the connection")
                            .tags("org", run.org, "connection", run.connectionId, "kind", kind)
                            .register(registry);
                    return holder;
                })
                .set(value);
    }
}
