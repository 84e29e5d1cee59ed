package com.pmsbridge.queue.changes;

import java.time.Instant;

/**
 * One message of the queue's change stream: {@code changed} when items of the caller's organisation were added or
 * decided (read the list again), {@code heartbeat} to keep idle connections open. It names no item or person.
 */
public record QueueChange(String kind, Instant at) {
    static QueueChange changed() {
        return new QueueChange("changed", Instant.now());
    }

    static QueueChange heartbeat() {
        return new QueueChange("heartbeat", Instant.now());
    }
}
