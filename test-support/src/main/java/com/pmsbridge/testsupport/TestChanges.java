package com.pmsbridge.testsupport;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.Op;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Change events as a generic connection publishes them, for tests: a fresh id, the PMS's change time as version. */
public final class TestChanges {
    private TestChanges() {}

    /** @param version an ISO-8601 instant: the change's version and the time the PMS says it happened */
    public static ChangeEvent of(
            String org,
            String connectionId,
            EntityType type,
            String externalId,
            Op op,
            String version,
            Map<String, Object> data) {
        return new ChangeEvent(
                ChangeEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                org,
                connectionId,
                "generic",
                type,
                externalId,
                op,
                version,
                null,
                Instant.parse(version),
                Instant.now(),
                data);
    }
}
