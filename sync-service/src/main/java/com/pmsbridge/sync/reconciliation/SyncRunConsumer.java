package com.pmsbridge.sync.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.event.SyncRunCompleted;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Registers each completed connector Sync for reconciliation. A redelivered announcement is a no-op; an unreadable
 * one goes to the DLQ (channel failure strategy) with the parse error as reason.
 */
@ApplicationScoped
public class SyncRunConsumer {
    private final FirstSyncs firstSyncs;

    SyncRunConsumer(FirstSyncs firstSyncs) {
        this.firstSyncs = firstSyncs;
    }

    @Incoming("sync-runs")
    @Blocking
    @Transactional
    public void consume(String payload) throws JsonProcessingException {
        SyncRunCompleted run = ContractJson.mapper().readValue(payload, SyncRunCompleted.class);
        if (run.runId() == null
                || run.connectionId() == null
                || run.org() == null
                || run.startedAt() == null
                || run.completedAt() == null
                || run.entityTypes() == null) {
            throw new IllegalArgumentException(
                    "sync run announcement without runId, org, connectionId, times or types");
        }
        UUID id = UUID.fromString(run.runId());
        if (Reconciliation.findById(id) != null) {
            return;
        }
        Reconciliation reconciliation = new Reconciliation();
        reconciliation.id = id;
        reconciliation.org = run.org();
        reconciliation.connectionId = run.connectionId();
        reconciliation.entityTypes = String.join(",", run.entityTypes());
        reconciliation.syncStartedAt = run.startedAt();
        reconciliation.syncCompletedAt = run.completedAt();
        reconciliation.expectedRecords = run.records();
        reconciliation.status = Reconciliation.WAITING;
        reconciliation.receivedAt = Instant.now();
        reconciliation.persist();
        firstSyncs.completed(run.org(), run.connectionId(), run.completedAt());
    }
}
