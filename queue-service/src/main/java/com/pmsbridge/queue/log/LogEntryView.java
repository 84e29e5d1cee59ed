package com.pmsbridge.queue.log;

import java.time.Instant;
import java.util.UUID;

/** One log entry as the API shows it. */
public record LogEntryView(
        long id,
        UUID itemId,
        String itemType,
        String propertyId,
        String connectionId,
        String action,
        String actor,
        String outcome,
        String details,
        Instant at) {}
