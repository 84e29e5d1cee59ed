package com.pmsbridge.sync.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.service.persistence.CopyRows;
import com.pmsbridge.sync.projection.Source;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The append-only log of accepted changes. Runs on the caller's transaction's connection. */
@ApplicationScoped
public class EventStore {

    /** The ids among these that the store already holds (one query for a whole batch). */
    public Set<String> existing(Connection connection, List<String> eventIds) throws SQLException {
        Set<String> known = new HashSet<>();
        if (eventIds.isEmpty()) {
            return known;
        }
        try (PreparedStatement select =
                connection.prepareStatement("select event_id from event_store where event_id = any(?)")) {
            select.setArray(1, connection.createArrayOf("varchar", eventIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    known.add(rows.getString(1));
                }
            }
        }
        return known;
    }

    /**
     * One accepted change as the store keeps it.
     *
     * @param payload the change event's JSON as it arrived (stored as is, not serialised again)
     */
    public record StoredEvent(
            ChangeEvent event,
            String payload,
            int entitySeq,
            Source source,
            List<String> changedFields,
            boolean applied) {}

    /**
     * Appends a batch of changes with one COPY on the caller's transaction's connection; {@code stored_at} is each
     * row's own clock time (the column's default), so receivedAt → stored_at is the latency of that event.
     */
    public void appendAll(Connection connection, List<StoredEvent> events) throws SQLException {
        CopyRows rows = new CopyRows(14);
        for (StoredEvent stored : events) {
            ChangeEvent e = stored.event();
            rows.row(
                    e.eventId(),
                    e.key().value(),
                    stored.entitySeq(),
                    e.org(),
                    e.connectionId(),
                    e.entityType().wireName(),
                    stored.source().wireName(),
                    e.op().code(),
                    e.sourceVersion(),
                    json(stored.changedFields()),
                    stored.applied(),
                    stored.payload() != null ? stored.payload() : json(e),
                    e.occurredAt(),
                    e.receivedAt());
        }
        rows.copyInto(connection, """
                event_store (event_id, entity_key, entity_seq, org, connection_id, entity_type, source, op,
                    source_version, changed_fields, applied, payload, occurred_at, received_at)""");
    }

    private static String json(Object value) {
        try {
            return ContractJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
