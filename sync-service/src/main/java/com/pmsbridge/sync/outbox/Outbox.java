package com.pmsbridge.sync.outbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Ids;
import com.pmsbridge.contract.Topics;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.WritebackCommand;
import com.pmsbridge.service.tracing.TraceContexts;
import com.pmsbridge.sync.projection.EntityState;
import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes outgoing records in the caller's transaction (no dual writes); {@link OutboxRelay} publishes them after
 * commit. A state record with a null payload is a tombstone on the compacted state topic.
 */
@ApplicationScoped
public class Outbox {
    static final String STATE_TYPE_SUFFIX = ".state.v1";
    /**
     * An outbox batch's size limit: a large transaction becomes several rows, so no single value (and buffer, on
     * either side of the database) is megabytes, and the relay can publish it over several turns.
     */
    private static final int MAX_BATCH_BYTES = 128 * 1024;

    private final EntityManager em;

    Outbox(EntityManager em) {
        this.em = em;
    }

    /**
     * One record to publish: its CloudEvents id and type, Kafka topic and key, payload (null = tombstone), and the
     * W3C traceparent of what caused it (null when untraced), which the relay's publish span continues.
     */
    public record Row(
            String eventId,
            String topic,
            String key,
            String ceType,
            String subject,
            String org,
            String payload,
            String traceparent) {}

    /** A lifecycle event caused by the current request or job (its trace, if any, goes on). */
    public void addLifecycle(LifecycleEvent event) {
        addLifecycle(List.of(event));
    }

    /** Several lifecycle events in one outbox batch (the move-ins of a date check). */
    public void addLifecycle(List<LifecycleEvent> events) {
        String trace = TraceContexts.currentTraceparent();
        insert(events.stream().map(event -> lifecycleRow(event, trace)).toList());
    }

    /** A write-back command caused by the current request (its trace goes on to the PMS call). */
    public void addCommand(WritebackCommand command) {
        insert(List.of(commandRow(command, TraceContexts.currentTraceparent())));
    }

    public static Row commandRow(WritebackCommand command, String traceparent) {
        return new Row(
                command.commandId(),
                Topics.WRITEBACK_COMMANDS,
                command.entityKey(),
                command.type().cloudEventType(),
                command.entityKey(),
                command.org(),
                json(command),
                traceparent);
    }

    public static Row lifecycleRow(LifecycleEvent event, String traceparent) {
        return new Row(
                event.eventId(),
                Topics.DOMAIN_EVENTS,
                event.entityKey(),
                event.type().cloudEventType(),
                event.entityKey(),
                event.org(),
                json(event),
                traceparent);
    }

    /**
     * The entity's current state for its compacted state topic; a deleted entity is a tombstone.
     *
     * @param dataJson the state's data as JSON (as written to the state table: rendered once per batch)
     */
    public static Row stateRow(EntityState state, String dataJson, String traceparent) {
        EntityType type = EntityType.fromWireName(state.entityType);
        String id = Ids.derived(state.entityKey, state.lastSeq).toString();
        String payload = state.deleted ? null : statePayload(state, dataJson);
        return new Row(
                id,
                Topics.state(type),
                state.entityKey,
                "com.pmsbridge." + state.entityType + STATE_TYPE_SUFFIX,
                state.entityKey,
                state.org,
                payload,
                traceparent);
    }

    private static String statePayload(EntityState state, String dataJson) {
        StringWriter out = new StringWriter(dataJson.length() + 256);
        try (JsonGenerator json = ContractJson.mapper().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("entityKey", state.entityKey);
            json.writeStringField("org", state.org);
            json.writeStringField("connectionId", state.connectionId);
            json.writeStringField("entityType", state.entityType);
            json.writeStringField("version", state.version);
            json.writeFieldName("data");
            json.writeRawValue(dataJson);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /**
     * Writes rows in list order as outbox batches (one JDBC batch of inserts; the relay publishes batches in id order
     * and each batch's records in order).
     */
    public static void insertAll(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert =
                connection.prepareStatement("insert into outbox_batch (record_count, records) values (?, ?)")) {
            for (OutboxBatch.Encoded batch : OutboxBatch.encode(rows, MAX_BATCH_BYTES)) {
                insert.setInt(1, batch.records());
                insert.setBytes(2, batch.bytes());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insert(List<Row> rows) {
        em.unwrap(Session.class).doWork(connection -> insertAll(connection, rows));
    }

    private static String json(Object value) {
        try {
            return ContractJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
