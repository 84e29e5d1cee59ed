package com.pmsbridge.sync.writeback;

import com.pmsbridge.contract.event.WritebackCommand;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which shared fields PMS Bridge can write back to the PMS, and the command that does it: the one place both a hub
 * edit and a conflict the hub won turn shared values into a write-back. A field outside this list cannot be shared.
 */
public final class SharedFieldWriteback {
    private static final Map<String, Set<String>> WRITABLE =
            Map.of("workorder", Set.of("status"), "resident", Set.of("email", "phone"));

    private SharedFieldWriteback() {}

    public static boolean writable(String entityType, String field) {
        return WRITABLE.getOrDefault(entityType, Set.of()).contains(field);
    }

    /** The fields PMS Bridge writes back, by entity type, for messages that list them. */
    public static Map<String, Set<String>> writableFields() {
        return WRITABLE;
    }

    /**
     * The command writing these shared values of one record back, if any of them can be.
     *
     * @param causeId the event whose values are written; the command's id (redelivery writes once)
     */
    public static Optional<WritebackCommand> command(
            String org,
            String connectionId,
            String entityType,
            String entityKey,
            String externalId,
            Map<String, Object> shared,
            String causeId,
            String actor,
            Instant at) {
        WritebackCommand.Type type = switch (entityType) {
            case "workorder" -> shared.containsKey("status") ? WritebackCommand.Type.UPDATE_WORK_ORDER_STATUS : null;
            case "resident" ->
                shared.containsKey("email") || shared.containsKey("phone")
                        ? WritebackCommand.Type.UPDATE_RESIDENT_CONTACT
                        : null;
            default -> null;
        };
        return Optional.ofNullable(type)
                .map(t -> new WritebackCommand(
                        WritebackCommand.SCHEMA_VERSION,
                        causeId,
                        t,
                        org,
                        connectionId,
                        entityKey,
                        externalId,
                        shared,
                        actor,
                        at));
    }
}
