package com.pmsbridge.contract.event;

import java.time.Instant;

/**
 * A downstream tool's report of what it did with a queue action, on {@code pms.queue.action-results.v1} (keyed by the
 * action's entity key). queue-service shows the latest report on the item, so an operator sees that the lock system
 * granted access, or why it could not.
 *
 * @param eventId    unique id of this report; a redelivered report has the same id
 * @param itemId     the queue item whose action this reports on ({@link QueueAction#itemId()})
 * @param org        the action's organisation (a report for another organisation's item is ignored)
 * @param outcome    DONE or FAILED
 * @param detail     what was done or why not, for the operator; no personal data
 * @param reportedBy the reporting tool's name
 */
public record QueueActionResult(
        int schemaVersion,
        String eventId,
        String itemId,
        String org,
        String entityKey,
        Outcome outcome,
        String detail,
        String reportedBy,
        Instant reportedAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CLOUD_EVENT_TYPE = "com.pmsbridge.queue.action-result.v1";

    public enum Outcome {
        DONE,
        FAILED
    }
}
