package com.pmsbridge.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.LifecycleType;
import com.pmsbridge.testsupport.TestKafkaWriter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds and publishes lifecycle events as sync-service does, for queue tests. */
final class LifecycleEvents {
    private LifecycleEvents() {}

    static LifecycleEvent of(
            LifecycleType type,
            String org,
            String entityKey,
            String propertyId,
            String unitId,
            Map<String, Object> before,
            Map<String, Object> after) {
        EntityType entityType = EntityType.fromWireName(entityKey.substring(0, entityKey.indexOf(':')));
        return new LifecycleEvent(
                LifecycleEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                type,
                org,
                "conn-q",
                entityType,
                entityKey,
                propertyId,
                unitId,
                List.copyOf(before.keySet()),
                before,
                after,
                List.of(UUID.randomUUID().toString()),
                Instant.now());
    }

    static void publish(TestKafkaWriter writer, LifecycleEvent event) {
        try {
            writer.sendRaw(
                    Topics.DOMAIN_EVENTS,
                    event.entityKey(),
                    ContractJson.mapper().writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
