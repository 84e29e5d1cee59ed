package com.pmsbridge.service.persistence;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format: a whole batch in one round trip, parsed by the
 * server far more cheaply than array parameters (no array literal to escape on our side and to split on its side).
 * Values are written with {@link String#valueOf}, booleans as {@code t}/{@code f}, null as {@code \N}.
 */
public final class CopyRows {
    /**
     * Rows are encoded in chunks of about this many characters: a batch of change events is megabytes of text, and one
     * buffer that size is a "humongous" object for G1 that forced full collections under load.
     */
    private static final int CHUNK_CHARS = 64 * 1024;

    private final List<byte[]> chunks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder(CHUNK_CHARS + 8 * 1024);
    private final int columns;
    private int inRow;
    private int rows;

    public CopyRows(int columns) {
        this.columns = columns;
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
            if (text.length() >= CHUNK_CHARS) {
                endChunk();
            }
        }
    }

    private void escape(String value) {
        // most values (ids, versions, JSON without line breaks) need no escaping and are copied in one go; String's
        // indexOf is vectorised, a loop over charAt was the service's hottest code (docs/benchmarks.md)
        if (value.indexOf('\\') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0 && value.indexOf('\t') < 0) {
            text.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
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

    public int size() {
        return rows;
    }

    /** The rows in COPY's text format (what {@link #copyInto} sends). */
    public String text() {
        endChunk();
        StringBuilder all = new StringBuilder();
        chunks.forEach(chunk -> all.append(new String(chunk, StandardCharsets.UTF_8)));
        return all.toString();
    }

    private void endChunk() {
        if (!text.isEmpty()) {
            chunks.add(text.toString().getBytes(StandardCharsets.UTF_8));
            text.setLength(0);
        }
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
        endChunk();
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + target + " from stdin");
        try {
            for (byte[] chunk : chunks) {
                copy.writeToCopy(chunk, 0, chunk.length);
            }
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
