package com.pmsbridge.sync.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.service.persistence.CopyRows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Set-based access to a state table ({@code entity_state}, or {@code entity_state_rebuild} during a rebuild): one
 * statement loads and locks every state a batch touches, one statement writes them all back. The rows are plain
 * objects here, not managed entities, so no dirty checking of JSON columns happens per entity.
 */
public final class StateTable {
    private static final TypeReference<LinkedHashMap<String, Object>> DATA = new TypeReference<>() {};
    private static final TypeReference<FieldVersions> VERSIONS = new TypeReference<>() {};
    private static final String COLUMNS = "entity_key, org, connection_id, entity_type, external_id, data, "
            + "field_versions, version, deleted, delete_version, last_seq";
    private static final String SELECT = "select "
            + COLUMNS.replace("data, field_versions", "data::text, field_versions::text") + ", updated_at, xmin::text";

    /** Session-local staging table for a batch's states (see {@link #stage}). */
    private static final String STAGING = "state_batch";

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
        return load(connection, keys, " order by entity_key for update");
    }

    /**
     * Loads the existing states of these keys without locking them: {@link #writeAll} checks their row versions,
     * so a state changed meanwhile fails the write instead of being overwritten.
     */
    public Map<String, EntityState> readAll(Connection connection, Collection<String> keys) throws SQLException {
        return load(connection, keys, "");
    }

    private Map<String, EntityState> load(Connection connection, Collection<String> keys, String suffix)
            throws SQLException {
        Map<String, EntityState> states = new HashMap<>(keys.size() * 2);
        if (keys.isEmpty()) {
            return states;
        }
        try (PreparedStatement select =
                connection.prepareStatement(SELECT + " from " + table + " where entity_key = any(?)" + suffix)) {
            select.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
            read(select, states);
        }
        return states;
    }

    /** Every state of these entity types of one connection (for reconciliation), not locked. */
    public Map<String, EntityState> ofConnection(
            Connection connection, String org, String connectionId, Collection<String> types) throws SQLException {
        Map<String, EntityState> states = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                SELECT + " from " + table + " where org = ? and connection_id = ? and entity_type = any(?)")) {
            select.setString(1, org);
            select.setString(2, connectionId);
            select.setArray(3, connection.createArrayOf("varchar", types.toArray()));
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
                state.rowVersion = rows.getString(13);
                states.put(state.entityKey, state);
            }
        }
    }

    /**
     * Writes a projected batch: states read from the table (their {@code rowVersion} set) are updated where the row
     * still has that version, the others inserted; each written state gets its new row version. A state another
     * writer changed or created meanwhile (another instance after a rebalance, an operator's edit) is not
     * overwritten: the batch fails with {@link ConcurrentProjectionException} and is projected again.
     *
     * @param dataJson each state's data as JSON, by entity key (rendered once by the caller, who publishes it too)
     */
    public void writeAll(Connection connection, Collection<EntityState> states, Map<String, String> dataJson)
            throws SQLException {
        if (states.isEmpty()) {
            return; // a batch of duplicates only
        }
        Map<String, EntityState> unwritten = new HashMap<>(states.size() * 2);
        states.forEach(state -> unwritten.put(state.entityKey, state));
        try (Statement statement = stage(connection, states, dataJson::get)) {
            written(
                    statement,
                    "update " + table + " s set data = b.data, field_versions = b.field_versions, "
                            + "version = b.version, deleted = b.deleted, delete_version = b.delete_version, "
                            + "last_seq = b.last_seq, updated_at = now() from " + STAGING + " b "
                            + "where b.row_version is not null and s.entity_key = b.entity_key and s.xmin = b.row_version "
                            + "returning s.entity_key, s.xmin::text",
                    unwritten);
            written(
                    statement,
                    "insert into " + table + " (" + COLUMNS + ", updated_at) select " + COLUMNS
                            + ", now() from " + STAGING
                            + " where row_version is null on conflict (entity_key) do nothing "
                            + "returning entity_key, xmin::text",
                    unwritten);
            statement.execute("delete from " + STAGING);
        }
        if (!unwritten.isEmpty()) {
            throw new ConcurrentProjectionException(
                    unwritten.size() + " of the batch's entities were written by another writer meanwhile");
        }
    }

    private static void written(Statement statement, String sql, Map<String, EntityState> unwritten)
            throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                unwritten.remove(rows.getString(1)).rowVersion = rows.getString(2);
            }
        }
    }

    /** Inserts or replaces these states (the rebuild, which owns its table alone). */
    public void upsertAll(Connection connection, Collection<EntityState> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        try (Statement statement = stage(connection, states, key -> null)) {
            statement.executeUpdate("insert into " + table + " (" + COLUMNS + ", updated_at) select " + COLUMNS
                    + ", now() from " + STAGING + " on conflict (entity_key) do update set data = excluded.data, "
                    + "field_versions = excluded.field_versions, version = excluded.version, deleted = excluded.deleted, "
                    + "delete_version = excluded.delete_version, last_seq = excluded.last_seq, "
                    + "updated_at = excluded.updated_at");
            statement.execute("delete from " + STAGING);
        }
    }

    /**
     * Copies the states into a session-local staging table (no WAL, no array literals to build and parse) and returns
     * a statement to go on with. The table is emptied after each use, not only at commit: the rebuild writes several
     * batches in one transaction.
     */
    private static Statement stage(
            Connection connection, Collection<EntityState> states, Function<String, String> dataJson)
            throws SQLException {
        CopyRows rows = new CopyRows(12);
        for (EntityState s : states) {
            String data = dataJson.apply(s.entityKey);
            rows.row(
                    s.entityKey,
                    s.org,
                    s.connectionId,
                    s.entityType,
                    s.externalId,
                    data != null ? data : json(s.data),
                    json(s.fieldVersions),
                    s.version,
                    s.deleted,
                    s.deleteVersion,
                    s.lastSeq,
                    s.rowVersion);
        }
        Statement statement = connection.createStatement();
        try {
            statement.execute("create temp table if not exists " + STAGING + " (entity_key varchar(400) collate \"C\", "
                    + "org varchar(100), connection_id varchar(100), entity_type varchar(20), external_id varchar(200), "
                    + "data json, field_versions json, version varchar(64), deleted boolean, delete_version varchar(64), "
                    + "last_seq integer, row_version xid) on commit delete rows");
            rows.copyInto(connection, STAGING + " (" + COLUMNS + ", row_version)");
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** The JSON of a state column's value (data, field versions). */
    public static String json(Object value) {
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
