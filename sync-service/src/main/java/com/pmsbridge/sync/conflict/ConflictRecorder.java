package com.pmsbridge.sync.conflict;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Ids;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.LifecycleType;
import com.pmsbridge.sync.outbox.Outbox;
import com.pmsbridge.sync.projection.EntityState;
import com.pmsbridge.sync.projection.Source;
import io.micrometer.core.instrument.MeterRegistry;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Keeps a conflict record in the caller's transaction and publishes it as a lifecycle event through the outbox. */
@ApplicationScoped
public class ConflictRecorder {
    private final Outbox outbox;
    private final MeterRegistry metrics;

    ConflictRecorder(Outbox outbox, MeterRegistry metrics) {
        this.outbox = outbox;
        this.metrics = metrics;
    }

    public Conflict record(
            EntityState state,
            String field,
            Object hubValue,
            String hubVersion,
            Object pmsValue,
            String pmsVersion,
            String rule,
            Source winner,
            String reason,
            String causeId) {
        Conflict conflict = new Conflict();
        conflict.id = Ids.derived("conflict", causeId, field);
        if (Conflict.findById(conflict.id) != null) {
            return Conflict.findById(conflict.id);
        }
        conflict.org = state.org;
        conflict.entityKey = state.entityKey;
        conflict.entityType = state.entityType;
        conflict.propertyId = Objects.toString(state.data.get("propertyId"), null);
        conflict.field = field;
        conflict.hubValue = hubValue;
        conflict.pmsValue = pmsValue;
        conflict.hubVersion = hubVersion;
        conflict.pmsVersion = pmsVersion;
        conflict.rule = rule;
        conflict.winner = winner.wireName();
        conflict.status = Conflict.OPEN;
        conflict.reason = reason;
        conflict.createdAt = Instant.now();
        conflict.persist();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put(Source.HUB.wireName(), hubValue);
        before.put(Source.PMS.wireName(), pmsValue);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put(field, winner == Source.PMS ? pmsValue : hubValue);
        after.put("conflictId", conflict.id.toString());
        after.put("rule", rule);
        outbox.addLifecycle(new LifecycleEvent(
                LifecycleEvent.SCHEMA_VERSION,
                conflict.id.toString(),
                LifecycleType.FIELD_CONFLICT_RECORDED,
                state.org,
                state.connectionId,
                EntityType.fromWireName(state.entityType),
                state.entityKey,
                conflict.propertyId,
                Objects.toString(state.data.get("unitId"), null),
                List.of(field),
                before,
                after,
                List.of(causeId),
                conflict.createdAt));
        metrics.counter("pms_sync_conflicts_total", "entity", state.entityType, "rule", rule)
                .increment();
        return conflict;
    }
}
