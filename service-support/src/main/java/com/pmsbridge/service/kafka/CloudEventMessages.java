package com.pmsbridge.service.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.contract.CloudEventHeaders;
import com.pmsbridge.contract.ContractJson;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;

/**
 * The one way a service publishes a contract record through a channel: the payload as contract JSON, on its topic
 * and key, with the CloudEvents headers of Kafka's binary mode.
 */
public final class CloudEventMessages {
    private CloudEventMessages() {}

    /**
     * @param id      {@code ce_id}: the record's id, the same on every retry, so consumers drop a copy
     * @param source  {@code ce_source}, e.g. {@code /connections/<id>}
     * @param subject {@code ce_subject}: the entity key, or what the record is about
     */
    public static Message<String> of(
            String topic,
            String key,
            String id,
            String source,
            String type,
            String subject,
            Instant time,
            String org,
            Object payload) {
        return of(topic, key, CloudEventHeaders.of(id, source, type, subject, time, org), json(payload));
    }

    /** A record whose headers and JSON are already made (a dead letter). */
    public static Message<String> of(String topic, String key, Headers headers, String json) {
        return Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(topic)
                        .withKey(key)
                        .withHeaders(headers)
                        .build());
    }

    private static String json(Object payload) {
        try {
            return ContractJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + payload.getClass().getSimpleName(), e);
        }
    }
}
