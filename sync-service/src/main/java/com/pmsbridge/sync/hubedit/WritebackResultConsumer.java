package com.pmsbridge.sync.hubedit;

import com.fasterxml.jackson.databind.JsonNode;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.event.WritebackResult;
import com.pmsbridge.sync.conflict.ConflictRecorder;
import com.pmsbridge.sync.outbox.OutboxRelay;
import com.pmsbridge.sync.projection.EntityState;
import com.pmsbridge.sync.projection.Source;
import com.pmsbridge.sync.projection.StateCache;
import com.pmsbridge.sync.writeback.WritebackRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.io.IOException;
import java.util.List;

/**
 * A write-back the PMS refused or that failed after retries leaves the hub and the PMS disagreeing: each field of
 * the edit becomes an open conflict an operator sees, and the field stops waiting for the PMS's echo.
 */
@ApplicationScoped
public class WritebackResultConsumer {
    private final EntityManager em;
    private final ConflictRecorder conflicts;
    private final OutboxRelay relay;
    private final StateCache cache;
    private final WritebackRequests requests;

    WritebackResultConsumer(
            EntityManager em,
            ConflictRecorder conflicts,
            OutboxRelay relay,
            StateCache cache,
            WritebackRequests requests) {
        this.em = em;
        this.requests = requests;
        this.cache = cache;
        this.conflicts = conflicts;
        this.relay = relay;
    }

    @Incoming("writeback-results")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) throws IOException {
        WritebackResult result = ContractJson.mapper().readValue(record.value(), WritebackResult.class);
        QuarkusTransaction.requiringNew().run(() -> requests.complete(result)); // an operator's request, if it is one
        if (result.status() == WritebackResult.Status.SUCCEEDED || result.entityKey() == null) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            // locked like the projection locks its states: this transaction rewrites the row, and a batch projected
            // meanwhile would otherwise be overwritten with what was read here
            EntityState state = EntityState.findById(result.entityKey(), LockModeType.PESSIMISTIC_WRITE);
            List<?> payloads = em.createNativeQuery("select cast(payload as text) from event_store where event_id = ?1")
                    .setParameter(1, result.commandId())
                    .getResultList();
            if (state == null || payloads.isEmpty()) {
                return;
            }
            JsonNode edit = read((String) payloads.getFirst());
            edit.path("data").properties().forEach(field -> {
                EntityState.FieldVersion version = state.fieldVersions.get(field.getKey());
                conflicts.record(
                        state,
                        field.getKey(),
                        state.data.get(field.getKey()),
                        version == null ? null : version.version(),
                        null,
                        null,
                        "writeback-rejected",
                        Source.HUB,
                        "the PMS did not take the write-back: " + result.reason(),
                        result.commandId());
                if (version != null) {
                    state.fieldVersions.put(
                            field.getKey(), new EntityState.FieldVersion(version.version(), version.source(), false));
                }
            });
        });
        cache.evict(List.of(result.entityKey())); // its row version changed; not evicted, it would cost a batch a retry
        relay.flush();
    }

    private static JsonNode read(String json) {
        try {
            return ContractJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
