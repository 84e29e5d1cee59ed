package com.pmsbridge.contract.event;

import java.time.Instant;

/**
 * An input that could not be processed, published on {@code pms.dlq.v1} so nothing accepted is lost silently.
 *
 * @param service      the service that gave up on the input
 * @param stage        where it failed (webhook, mapping, projection, ...)
 * @param reason       what is wrong, readable by an operator (never personal data)
 * @param org          organisation, when known
 * @param connectionId connection, when known
 * @param sourceTopic  the topic the input was read from, or null for HTTP input (a replay sends it back there)
 * @param sourcePartition the partition it was read from, when read from Kafka
 * @param sourceOffset the offset it was read at, when read from Kafka
 * @param rawPayload   the input as received
 * @param failedAt     when
 */
public record DeadLetter(
        String service,
        String stage,
        String reason,
        String org,
        String connectionId,
        String sourceTopic,
        Integer sourcePartition,
        Long sourceOffset,
        String rawPayload,
        Instant failedAt) {

    public static final String CLOUD_EVENT_TYPE = "com.pmsbridge.dead-letter.v1";

    /** A record read from Kafka that a consumer gave up on; a replay can send it back where it came from. */
    public static DeadLetter ofRecord(
            String service,
            String stage,
            String reason,
            String org,
            String connectionId,
            String topic,
            int partition,
            long offset,
            String rawPayload) {
        return new DeadLetter(
                service, stage, reason, org, connectionId, topic, partition, offset, rawPayload, Instant.now());
    }

    /** Input that did not come from a topic (HTTP, or a PMS's answer): kept for the operator, not replayable. */
    public static DeadLetter ofInput(
            String service, String stage, String reason, String org, String connectionId, String rawPayload) {
        return new DeadLetter(service, stage, reason, org, connectionId, null, null, null, rawPayload, Instant.now());
    }

    /** Where the envelope's id comes from: the source position when known, else what failed and how. */
    public String identity() {
        return sourceTopic != null && sourcePartition != null && sourceOffset != null
                ? sourceTopic + "|" + sourcePartition + "|" + sourceOffset
                : connectionId + "|" + stage + "|" + rawPayload;
    }
}
