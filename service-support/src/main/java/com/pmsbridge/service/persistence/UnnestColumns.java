package com.pmsbridge.service.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Binds a batch of rows as one array parameter per column, for PostgreSQL's
 * {@code INSERT … SELECT … FROM unnest(?::t1[], ?::t2[], …)}: a whole batch in one statement and one round trip.
 */
public final class UnnestColumns {
    private UnnestColumns() {
    }

    /**
     * @param types the JDBC array element type of each column ({@code varchar}, {@code text}, {@code int4}, {@code bool})
     * @param rows  one value per column and row, in {@code types}' order; bound as parameters 1..types.length
     */
    public static void bind(Connection connection, PreparedStatement statement, String[] types, List<Object[]> rows)
            throws SQLException {
        for (int column = 0; column < types.length; column++) {
            Object[] values = new Object[rows.size()];
            for (int row = 0; row < values.length; row++) {
                values[row] = rows.get(row)[column];
            }
            statement.setArray(column + 1, connection.createArrayOf(types[column], values));
        }
    }
}
