package com.pmsbridge.contract.event;

import java.time.Instant;
import java.util.Map;

/**
 * A request to write a change into a PMS, on {@code pms.writeback.commands.v1} (imperative: a command, not a fact).
 *
 * @param schemaVersion version of this payload shape
 * @param commandId     unique id; the connector executes each command at most once
 * @param type          what to do
 * @param org           organisation
 * @param connectionId  the PMS connection to write to
 * @param entityKey     canonical key of the target entity, or null for a create
 * @param externalId    the PMS's id of the target entity, or null for a create
 * @param fields        canonical field values to write
 * @param requestedBy   token subject or service that asked
 * @param requestedAt   when
 */
public record WritebackCommand(
        int schemaVersion,
        String commandId,
        Type type,
        String org,
        String connectionId,
        String entityKey,
        String externalId,
        Map<String, Object> fields,
        String requestedBy,
        Instant requestedAt) {

    public static final int SCHEMA_VERSION = 1;

    public enum Type {
        CREATE_WORK_ORDER,
        UPDATE_WORK_ORDER_STATUS,
        CREATE_LEAD,
        POST_CHARGE,
        UPDATE_RESIDENT_CONTACT;

        public String cloudEventType() {
            return "com.pmsbridge.writeback." + name().toLowerCase().replace('_', '-') + ".v1";
        }
    }
}
