package com.pmsbridge.sync.projection;

import com.pmsbridge.contract.event.ChangeEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code pms_sync_events_total} per entity, op and outcome, and {@code pms_sync_freshness_seconds} per entity and
 * connection. Meters are looked up once per label set, not built per event (the projection counts tens of
 * thousands of events per second).
 */
@ApplicationScoped
public class ProjectionMetrics {
    private final MeterRegistry registry;
    private final Map<String, Counter> events = new ConcurrentHashMap<>();
    private final Map<String, Timer> freshness = new ConcurrentHashMap<>();

    ProjectionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(ChangeEvent event, ProjectionResult.Outcome outcome) {
        String entity = event.entityType().wireName();
        String op = event.op().code();
        String outcomeName = outcome.name().toLowerCase();
        events.computeIfAbsent(entity + '|' + op + '|' + outcomeName, k -> Counter.builder("pms_sync_events_total")
                .description("Change events projected, by outcome (applied, stale, duplicate)")
                .tags("entity", entity, "op", op, "outcome", outcomeName).register(registry)).increment();
        if (outcome == ProjectionResult.Outcome.APPLIED && event.occurredAt() != null) {
            // end-to-end freshness: from the change in the PMS (or the hub edit) to its state here
            String connection = event.connectionId() == null ? "hub" : event.connectionId();
            freshness.computeIfAbsent(entity + '|' + connection, k -> Timer.builder("pms_sync_freshness_seconds")
                            .description("From the PMS's change time to the change applied to state")
                            .tags("entity", entity, "connection", connection).publishPercentileHistogram()
                            .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(1))
                            .register(registry))
                    .record(Duration.between(event.occurredAt(), Instant.now()).abs());
        }
    }
}
