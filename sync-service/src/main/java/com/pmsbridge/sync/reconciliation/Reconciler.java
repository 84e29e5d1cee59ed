package com.pmsbridge.sync.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityKey;
import com.pmsbridge.contract.Ids;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;
import com.pmsbridge.sync.outbox.OutboxRelay;
import com.pmsbridge.sync.ownership.OwnershipPolicy;
import com.pmsbridge.sync.projection.ChangeProjector;
import com.pmsbridge.sync.projection.EntityState;
import com.pmsbridge.sync.projection.Source;
import com.pmsbridge.sync.projection.StateTable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compares each completed Sync's snapshot with the hub's state once all its snapshot events are projected, and
 * stores the drift report. Records the PMS no longer has are deleted in the hub through the normal projection (a
 * versioned delete with source {@link Source#RECONCILIATION}), so residents and leases that vanished
 * from the PMS without a webhook become deletion and archiving items in the Integration Queue: a human decides what
 * the downstream tools do. Missing-in-hub records and field differences are reported, not changed.
 */
@ApplicationScoped
public class Reconciler {
    private static final Logger LOG = Logger.getLogger(Reconciler.class);
    private static final TypeReference<LinkedHashMap<String, Object>> DATA = new TypeReference<>() {};

    private final EntityManager em;
    private final ChangeProjector projector;
    private final OutboxRelay relay;
    private final ReconciliationConfig config;
    private final DriftMetrics metrics;
    private final DriftComparator comparator;

    Reconciler(
            EntityManager em,
            ChangeProjector projector,
            OutboxRelay relay,
            ReconciliationConfig config,
            DriftMetrics metrics,
            OwnershipPolicy ownership) {
        this.em = em;
        this.projector = projector;
        this.relay = relay;
        this.config = config;
        this.metrics = metrics;
        this.comparator = new DriftComparator(ownership::owner);
    }

    @Scheduled(
            every = "${sync.reconciliation.check-interval}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class) // not while shutting down
    void reconcileReady() {
        List<UUID> waiting = QuarkusTransaction.requiringNew()
                .call(() -> Reconciliation.<Reconciliation>list("status", Reconciliation.WAITING).stream()
                        .map(r -> r.id)
                        .toList());
        for (UUID id : waiting) {
            try {
                reconcileIfReady(id);
            } catch (RuntimeException e) {
                LOG.warnf("reconciliation of sync run %s failed, retrying: %s", id, e.getMessage());
            }
        }
    }

    /** Reconciles the run when its snapshot is fully projected (or waited for long enough); true when it did. */
    public boolean reconcileIfReady(UUID id) {
        boolean done = QuarkusTransaction.requiringNew().call(() -> {
            Reconciliation run = em.find(Reconciliation.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (run == null || !Reconciliation.WAITING.equals(run.status)) {
                return false;
            }
            long projected = snapshotCount(run);
            if (projected < run.expectedRecords && Instant.now().isBefore(run.receivedAt.plus(config.maxWait()))) {
                return false;
            }
            reconcile(run, projected);
            return true;
        });
        if (done) {
            relay.wake();
        }
        return done;
    }

    private void reconcile(Reconciliation run, long projected) {
        List<String> types = Arrays.asList(run.entityTypes.split(","));
        Map<String, DriftComparator.SnapshotRecord> snapshot = snapshot(run, types);
        Map<String, EntityState> hub = em.unwrap(Session.class)
                .doReturningWork(
                        connection -> StateTable.live().ofConnection(connection, run.org, run.connectionId, types));
        List<DriftComparator.Drift> drift = comparator.compare(snapshot, hub, run.syncStartedAt);

        List<DriftComparator.Drift> missingInPms = drift.stream()
                .filter(d -> d.kind() == DriftComparator.Kind.MISSING_IN_PMS)
                .toList();
        // a partial read of the PMS looks exactly like mass deletion: above the threshold a human looks first
        boolean review = missingInPms.size() > Math.max(10, config.maxAutoDeleteRatio() * snapshot.size());
        if (!review && !missingInPms.isEmpty()) {
            projector.projectAll(
                    missingInPms.stream()
                            .map(gone -> deletion(run, hub.get(gone.entityKey())))
                            .toList(),
                    Source.RECONCILIATION);
        }
        run.snapshotRecords = projected;
        run.missingInHub = count(drift, DriftComparator.Kind.MISSING_IN_HUB);
        run.missingInPms = missingInPms.size();
        run.fieldDifferences = count(drift, DriftComparator.Kind.FIELD_DIFFERENCE);
        run.details = drift.stream()
                .limit(config.maxDetails())
                .map(Reconciler::detail)
                .toList();
        run.status = review ? Reconciliation.NEEDS_REVIEW : Reconciliation.COMPLETED;
        run.reconciledAt = Instant.now();
        metrics.record(run);
        LOG.infof(
                "reconciled sync run %s of connection %s: %d missing in hub, %d missing in PMS, %d with field differences%s",
                run.id,
                run.connectionId,
                run.missingInHub,
                run.missingInPms,
                run.fieldDifferences,
                review ? " (deletions held for review)" : "");
    }

    private long snapshotCount(Reconciliation run) {
        return ((Number) em.createNativeQuery("""
                        select count(*) from event_store
                        where connection_id = ?1 and op = 'r' and received_at between ?2 and ?3 and org = ?4""")
                        .setParameter(1, run.connectionId)
                        .setParameter(4, run.org)
                        .setParameter(2, Timestamp.from(run.syncStartedAt))
                        .setParameter(3, Timestamp.from(run.syncCompletedAt))
                        .getSingleResult())
                .longValue();
    }

    /** The newest snapshot record per entity of the run. */
    @SuppressWarnings("unchecked")
    private Map<String, DriftComparator.SnapshotRecord> snapshot(Reconciliation run, List<String> types) {
        List<Object[]> rows = em.createNativeQuery("""
                        select distinct on (entity_key) entity_key, entity_type, source_version, cast(payload -> 'data' as text)
                        from event_store
                        where connection_id = ?1 and op = 'r' and received_at between ?2 and ?3 and entity_type in (?4)
                          and org = ?5
                        order by entity_key, entity_seq desc""")
                .setParameter(1, run.connectionId)
                .setParameter(5, run.org)
                .setParameter(2, Timestamp.from(run.syncStartedAt))
                .setParameter(3, Timestamp.from(run.syncCompletedAt))
                .setParameter(4, types)
                .getResultList();
        Map<String, DriftComparator.SnapshotRecord> snapshot = new HashMap<>(rows.size() * 2);
        for (Object[] row : rows) {
            snapshot.put(
                    (String) row[0],
                    new DriftComparator.SnapshotRecord((String) row[1], (String) row[2], data((String) row[3])));
        }
        return snapshot;
    }

    /** A delete at the record's own version: the PMS no longer lists it, so as of that version it is gone. */
    private static ChangeEvent deletion(Reconciliation run, EntityState state) {
        EntityKey key = EntityKey.parse(state.entityKey);
        String id = Ids.derived("reconciliation", run.id, state.entityKey).toString();
        Instant now = Instant.now();
        return new ChangeEvent(
                ChangeEvent.SCHEMA_VERSION,
                id,
                state.org,
                state.connectionId,
                "reconciliation",
                key.type(),
                state.externalId,
                Op.DELETE,
                state.version,
                null,
                run.syncCompletedAt,
                now,
                Map.of());
    }

    private static Map<String, Object> detail(DriftComparator.Drift drift) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("entityKey", drift.entityKey());
        detail.put("entityType", drift.entityType());
        detail.put("kind", drift.kind().name());
        detail.put("fields", drift.fields());
        return detail;
    }

    private static int count(List<DriftComparator.Drift> drift, DriftComparator.Kind kind) {
        return (int) drift.stream().filter(d -> d.kind() == kind).count();
    }

    private static Map<String, Object> data(String json) {
        try {
            return json == null ? Map.of() : ContractJson.mapper().readValue(json, DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable snapshot data in the event store", e);
        }
    }
}
