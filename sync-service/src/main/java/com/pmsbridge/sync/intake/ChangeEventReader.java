package com.pmsbridge.sync.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.ChangeLimits;
import com.pmsbridge.contract.event.Op;

/** Reads and validates a change event from its JSON form, naming what is wrong when it is not valid. */
public final class ChangeEventReader {
    private ChangeEventReader() {}

    public static ChangeEvent read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidChangeEventException("empty record value");
        }
        ChangeEvent event;
        try {
            event = ContractJson.mapper().readValue(json, ChangeEvent.class);
        } catch (ValueInstantiationException e) {
            throw new InvalidChangeEventException(
                    "invalid change event: " + e.getCause().getMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidChangeEventException("unreadable change event: " + e.getOriginalMessage());
        }
        require(event.eventId(), "eventId");
        require(event.org(), "org");
        require(event.connectionId(), "connectionId");
        require(event.externalId(), "externalId");
        require(event.sourceVersion(), "sourceVersion");
        if (event.entityType() == null) {
            throw new InvalidChangeEventException("missing field 'entityType'");
        }
        if (event.op() == null) {
            throw new InvalidChangeEventException("missing field 'op'");
        }
        if (event.occurredAt() == null || event.receivedAt() == null) {
            throw new InvalidChangeEventException("missing field 'occurredAt' or 'receivedAt'");
        }
        if (event.op() != Op.DELETE && (event.data() == null || event.data().isEmpty())) {
            throw new InvalidChangeEventException(
                    "field 'data' is required for op " + event.op().code());
        }
        // the connector refuses these already; any other producer's record goes to the dead-letter topic alone
        ChangeLimits.violation(event).ifPresent(reason -> {
            throw new InvalidChangeEventException(reason);
        });
        return event;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidChangeEventException("missing field '" + field + "'");
        }
    }
}
