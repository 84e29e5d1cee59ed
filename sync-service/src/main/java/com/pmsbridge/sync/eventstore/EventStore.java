package com.pmsbridge.sync.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.event.ChangeEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.util.List;

/** The append-only log of accepted changes. Runs in the caller's transaction. */
@ApplicationScoped
public class EventStore {
    private final EntityManager em;

    EventStore(EntityManager em) {
        this.em = em;
    }

    /** The ids among these that the store already holds. */
    @SuppressWarnings("unchecked")
    public java.util.Set<String> existing(java.util.List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return new java.util.HashSet<>();
        }
        return new java.util.HashSet<>(em.createNativeQuery("select event_id from event_store where event_id in (?1)")
                .setParameter(1, eventIds).getResultList());
    }

    public boolean contains(String eventId) {
        return !em.createNativeQuery("select 1 from event_store where event_id = ?1")
                .setParameter(1, eventId).getResultList().isEmpty();
    }

    public void append(ChangeEvent event, int entitySeq, String source, List<String> changedFields, boolean applied) {
        em.createNativeQuery("""
                        insert into event_store (event_id, entity_key, entity_seq, org, connection_id, entity_type, source,
                            op, source_version, changed_fields, applied, payload, occurred_at, received_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, cast(?10 as jsonb), ?11, cast(?12 as jsonb), ?13, ?14)""")
                .setParameter(1, event.eventId())
                .setParameter(2, event.key().value())
                .setParameter(3, entitySeq)
                .setParameter(4, event.org())
                .setParameter(5, event.connectionId())
                .setParameter(6, event.entityType().wireName())
                .setParameter(7, source)
                .setParameter(8, event.op().code())
                .setParameter(9, event.sourceVersion())
                .setParameter(10, json(changedFields))
                .setParameter(11, applied)
                .setParameter(12, json(event))
                .setParameter(13, Timestamp.from(event.occurredAt()))
                .setParameter(14, Timestamp.from(event.receivedAt()))
                .executeUpdate();
    }

    private static String json(Object value) {
        try {
            return ContractJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
