package com.pmsbridge.service.persistence;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format: a whole batch in one round trip, parsed by the
 * server far more cheaply than array parameters (no array literal to escape on our side and to split on its side).
 * Values are written with {@link String#valueOf}, booleans as {@code t}/{@code f}, null as {@code \N}.
 */
public final class CopyRows {
    private final StringBuilder text;
    private final int columns;
    private int inRow;
    private int rows;

    public CopyRows(int columns, int expectedRows) {
        this.columns = columns;
        this.text = new StringBuilder(Math.max(64, expectedRows * columns * 24));
    }

    /** Appends one row; the values in the order of the column list given to {@link #copyInto}. */
    public CopyRows row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
        }
        for (Object value : values) {
            add(value);
        }
        return this;
    }

    private void add(Object value) {
        if (inRow > 0) {
            text.append('\t');
        }
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Boolean bool) {
            text.append(bool ? 't' : 'f');
        } else {
            escape(String.valueOf(value));
        }
        if (++inRow == columns) {
            text.append('\n');
            inRow = 0;
            rows++;
        }
    }

    private void escape(String value) {
        int first = 0;
        while (first < value.length() && !special(value.charAt(first))) {
            first++;
        }
        // most values (ids, versions, JSON without line breaks) need no escaping: copied in one go
        text.append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\n' || c == '\r' || c == '\t';
    }

    public int size() {
        return rows;
    }

    /** The rows in COPY's text format (what {@link #copyInto} sends). */
    public String text() {
        return text.toString();
    }

    /**
     * Sends the rows on the caller's connection (so inside its transaction); returns how many the server stored.
     *
     * @param target a table and its column list, e.g. {@code outbox (event_id, topic)}
     */
    public long copyInto(Connection connection, String target) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        byte[] bytes = text().getBytes(StandardCharsets.UTF_8);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + target + " from stdin", new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new SQLException("COPY into " + target + " failed", e);
        }
    }
}
