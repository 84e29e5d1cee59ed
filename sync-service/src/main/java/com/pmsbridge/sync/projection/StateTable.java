package com.pmsbridge.sync.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.service.persistence.UnnestColumns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Set-based access to a state table ({@code entity_state}, or {@code entity_state_rebuild} during a rebuild): one
 * statement loads and locks every state a batch touches, one statement writes them all back. The rows are plain
 * objects here, not managed entities, so no dirty checking of JSON columns happens per entity.
 */
public final class StateTable {
    private static final TypeReference<LinkedHashMap<String, Object>> DATA = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, EntityState.FieldVersion>> VERSIONS = new TypeReference<>() {
    };
    private static final String COLUMNS = "entity_key, org, connection_id, entity_type, external_id, data, "
            + "field_versions, version, deleted, delete_version, last_seq";
    private static final String SELECT = "select " + COLUMNS.replace("data, field_versions", "data::text, field_versions::text")
            + ", updated_at";

    private final String table;

    private StateTable(String table) {
        this.table = table;
    }

    public static StateTable live() {
        return new StateTable("entity_state");
    }

    public static StateTable rebuild() {
        return new StateTable("entity_state_rebuild");
    }

    /** Loads the existing states of these keys, locked for update in key order (no deadlock between instances). */
    public Map<String, EntityState> lockAll(Connection connection, Collection<String> keys) throws SQLException {
        Map<String, EntityState> states = new HashMap<>(keys.size() * 2);
        if (keys.isEmpty()) {
            return states;
        }
        try (PreparedStatement select = connection.prepareStatement(SELECT + " from " + table
                + " where entity_key = any(?) order by entity_key for update")) {
            select.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
            read(select, states);
        }
        return states;
    }

    /** Every state of these entity types of one connection (for reconciliation), not locked. */
    public Map<String, EntityState> ofConnection(Connection connection, String connectionId, Collection<String> types)
            throws SQLException {
        Map<String, EntityState> states = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT + " from " + table
                + " where connection_id = ? and entity_type = any(?)")) {
            select.setString(1, connectionId);
            select.setArray(2, connection.createArrayOf("varchar", types.toArray()));
            read(select, states);
        }
        return states;
    }

    private static void read(PreparedStatement select, Map<String, EntityState> states) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                EntityState state = new EntityState();
                state.entityKey = rows.getString(1);
                state.org = rows.getString(2);
                state.connectionId = rows.getString(3);
                state.entityType = rows.getString(4);
                state.externalId = rows.getString(5);
                state.data = read(rows.getString(6), DATA);
                state.fieldVersions = read(rows.getString(7), VERSIONS);
                state.version = rows.getString(8);
                state.deleted = rows.getBoolean(9);
                state.deleteVersion = rows.getString(10);
                state.lastSeq = rows.getInt(11);
                state.updatedAt = rows.getTimestamp(12).toInstant();
                states.put(state.entityKey, state);
            }
        }
    }

    /** Inserts or replaces these states in one statement. */
    public void upsertAll(Connection connection, Collection<EntityState> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(states.size());
        for (EntityState s : states) {
            rows.add(new Object[]{s.entityKey, s.org, s.connectionId, s.entityType, s.externalId, write(s.data),
                write(s.fieldVersions), s.version, s.deleted, s.deleteVersion, s.lastSeq});
        }
        String sql = "insert into " + table + " (" + COLUMNS + ", updated_at) "
                + "select k, o, c, t, x, d::jsonb, f::jsonb, v, del, dv, s, now() "
                + "from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::text[], "
                + "?::varchar[], ?::boolean[], ?::varchar[], ?::int[]) as u(k, o, c, t, x, d, f, v, del, dv, s) "
                + "on conflict (entity_key) do update set data = excluded.data, field_versions = excluded.field_versions, "
                + "version = excluded.version, deleted = excluded.deleted, delete_version = excluded.delete_version, "
                + "last_seq = excluded.last_seq, updated_at = excluded.updated_at";
        String[] types = {"varchar", "varchar", "varchar", "varchar", "varchar", "text", "text", "varchar", "bool",
            "varchar", "int4"};
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            UnnestColumns.bind(connection, upsert, types, rows);
            upsert.executeUpdate();
        }
    }

    static String write(Object value) {
        try {
            return ContractJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return ContractJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable state column", e);
        }
    }
}
