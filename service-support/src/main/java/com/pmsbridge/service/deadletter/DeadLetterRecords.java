package com.pmsbridge.service.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.contract.CloudEventHeaders;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.DeadLetter;
import com.pmsbridge.service.kafka.CloudEventMessages;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The one shape of a record on {@code pms.dlq.v1}: the {@link DeadLetter} envelope as JSON, with CloudEvent headers. */
public final class DeadLetterRecords {
    private DeadLetterRecords() {}

    public static ProducerRecord<String, String> of(DeadLetter letter, String key) {
        return new ProducerRecord<>(Topics.DLQ, null, key, json(letter), headers(letter, key));
    }

    /** The letter as a message for a channel's emitter: the same record {@link #of} builds for a producer. */
    public static Message<String> message(DeadLetter letter, String key) {
        return CloudEventMessages.of(Topics.DLQ, key, headers(letter, key), json(letter));
    }

    /** The headers of a letter: its id is derived from its source position, so a re-sent letter is recognisable. */
    public static Headers headers(DeadLetter letter, String key) {
        String id = UUID.nameUUIDFromBytes(letter.identity().getBytes(StandardCharsets.UTF_8))
                .toString();
        String source =
                letter.connectionId() == null ? "/" + letter.service() : "/connections/" + letter.connectionId();
        return CloudEventHeaders.of(id, source, DeadLetter.CLOUD_EVENT_TYPE, key, letter.failedAt(), letter.org());
    }

    public static String json(DeadLetter letter) {
        try {
            return ContractJson.mapper().writeValueAsString(letter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An exception as a reason: its type and message, on one line, at most 500 characters. */
    public static String reason(Throwable failure) {
        String text =
                failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        text = text.replaceAll("\\p{Cntrl}", " ");
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
