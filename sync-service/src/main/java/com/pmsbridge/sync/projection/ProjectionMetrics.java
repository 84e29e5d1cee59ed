package com.pmsbridge.sync.projection;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.sync.freshness.FreshnessLedger;
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
 * connection. Meters are registered once per label set and then found by array index (counters) or one map lookup
 * (timers): the projection counts thousands of events per second, so nothing is built per event.
 */
@ApplicationScoped
public class ProjectionMetrics {
    private final MeterRegistry registry;
    private final FreshnessLedger ledger;
    private final Counter[][][] events =
            new Counter[EntityType.values().length][Op.values().length][ProjectionResult.Outcome.values().length];
    private final Map<String, Timer[]> freshnessByConnection = new ConcurrentHashMap<>();

    ProjectionMetrics(MeterRegistry registry, FreshnessLedger ledger) {
        this.registry = registry;
        this.ledger = ledger;
    }

    void count(ChangeEvent event, ProjectionResult.Outcome outcome) {
        EntityType entity = event.entityType();
        Counter counter = events[entity.ordinal()][event.op().ordinal()][outcome.ordinal()];
        if (counter == null) {
            // registration is idempotent, so two threads racing here end up with the same counter
            counter = Counter.builder("pms_sync_events_total")
                    .description("Change events projected, by outcome (applied, stale, duplicate)")
                    .tags(
                            "entity",
                            entity.wireName(),
                            "op",
                            event.op().code(),
                            "outcome",
                            outcome.name().toLowerCase())
                    .register(registry);
            events[entity.ordinal()][event.op().ordinal()][outcome.ordinal()] = counter;
        }
        counter.increment();
        if (outcome == ProjectionResult.Outcome.APPLIED && event.occurredAt() != null) {
            // end-to-end freshness: from the change in the PMS (or the hub edit) to its state here
            Duration freshness =
                    Duration.between(event.occurredAt(), Instant.now()).abs();
            freshness(entity, event.connectionId() == null ? "hub" : event.connectionId())
                    .record(freshness);
            if (!Source.HUB.wireName().equals(event.pmsType())) {
                ledger.record(event.org(), event.connectionId(), freshness); // for the console's per-connection p99
            }
        }
    }

    private Timer freshness(EntityType entity, String connection) {
        Timer[] timers = freshnessByConnection.computeIfAbsent(connection, c -> new Timer[EntityType.values().length]);
        Timer timer = timers[entity.ordinal()];
        if (timer == null) {
            timer = Timer.builder("pms_sync_freshness_seconds")
                    .description("From the PMS's change time to the change applied to state")
                    .tags("entity", entity.wireName(), "connection", connection)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(10))
                    .maximumExpectedValue(Duration.ofHours(1))
                    .register(registry);
            timers[entity.ordinal()] = timer;
        }
        return timer;
    }
}
