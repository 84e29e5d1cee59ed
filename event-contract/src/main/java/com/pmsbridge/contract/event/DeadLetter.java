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
 * @param sourceTopic  the topic the input was read from, or null for HTTP input
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
        String rawPayload,
        Instant failedAt) {

    public static final String CLOUD_EVENT_TYPE = "com.pmsbridge.dead-letter.v1";
}
