package com.pmsbridge.sync.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.sync.projection.EntityState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes outgoing records in the caller's transaction (no dual writes); {@link OutboxRelay} publishes them after
 * commit. A state record with a null payload is a tombstone on the compacted state topic.
 */
@ApplicationScoped
public class Outbox {
    static final String STATE_TYPE_SUFFIX = ".state.v1";

    private final EntityManager em;

    Outbox(EntityManager em) {
        this.em = em;
    }

    public void addLifecycle(LifecycleEvent event) {
        insert(event.eventId(), Topics.DOMAIN_EVENTS, event.entityKey(), event.type().cloudEventType(),
                event.entityKey(), event.org(), json(event));
    }

    public void addCommand(com.pmsbridge.contract.event.WritebackCommand command) {
        insert(command.commandId(), Topics.WRITEBACK_COMMANDS, command.entityKey(), command.type().cloudEventType(),
                command.entityKey(), command.org(), json(command));
    }

    public void addState(EntityState state) {
        EntityType type = EntityType.fromWireName(state.entityType);
        String id = UUID.nameUUIDFromBytes((state.entityKey + "|" + state.lastSeq).getBytes(StandardCharsets.UTF_8))
                .toString();
        String payload = null;
        if (!state.deleted) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("entityKey", state.entityKey);
            value.put("org", state.org);
            value.put("connectionId", state.connectionId);
            value.put("entityType", state.entityType);
            value.put("version", state.version);
            value.put("data", state.data);
            payload = json(value);
        }
        insert(id, Topics.state(type), state.entityKey, "com.pmsbridge." + state.entityType + STATE_TYPE_SUFFIX,
                state.entityKey, state.org, payload);
    }

    private void insert(String eventId, String topic, String key, String ceType, String subject, String org,
                        String payload) {
        em.createNativeQuery("""
                        insert into outbox (event_id, topic, record_key, ce_type, ce_subject, org, payload)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, eventId)
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, ceType)
                .setParameter(5, subject)
                .setParameter(6, org)
                .setParameter(7, payload)
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
