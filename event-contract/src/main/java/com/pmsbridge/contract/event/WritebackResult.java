package com.pmsbridge.contract.event;

import java.time.Instant;

/**
 * The outcome of one write-back command, on {@code pms.writeback.results.v1}.
 *
 * @param commandId  the command this answers
 * @param status     SUCCEEDED, or REJECTED (the PMS refused: a 4xx), or FAILED (retries exhausted)
 * @param externalId the PMS's id of the written entity, when it succeeded
 * @param reason     why it did not succeed
 * @param attempts   how many calls it took
 */
public record WritebackResult(
        int schemaVersion,
        String commandId,
        WritebackCommand.Type type,
        String org,
        String connectionId,
        String entityKey,
        Status status,
        String externalId,
        String reason,
        int attempts,
        Instant completedAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CLOUD_EVENT_TYPE = "com.pmsbridge.writeback.result.v1";

    public enum Status {
        SUCCEEDED,
        REJECTED,
        FAILED
    }
}
