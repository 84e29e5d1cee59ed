package com.pmsbridge.sync.rebuild;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Progress of one rebuild of the projection from the event store. */
public final class RebuildRun {
    public enum Status {
        RUNNING,
        COMPLETED,
        FAILED
    }

    final UUID id = UUID.randomUUID();
    final Instant startedAt = Instant.now();
    final AtomicLong events = new AtomicLong();
    final AtomicLong entities = new AtomicLong();
    volatile long totalEvents;
    volatile Status status = Status.RUNNING;
    volatile Instant finishedAt;
    volatile String error;

    public record View(
            UUID id,
            Status status,
            long events,
            long totalEvents,
            long entities,
            Instant startedAt,
            Instant finishedAt,
            String error) {}

    public View view() {
        return new View(id, status, events.get(), totalEvents, entities.get(), startedAt, finishedAt, error);
    }
}
