package org.gugus.persons;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.gugus.system.BinaryCopy;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows of ids into PostgreSQL's COPY in its binary format ({@code with (format binary)}), on a connection of its
 * own that it gives back at its close: a first load's 800,000 block keys and 100,000 resolved records were
 * formatted as text here and parsed again by the server. The bytes are {@link BinaryCopy}'s, the one encoder of
 * the format.
 */
final class IdRowsCopy implements AutoCloseable {

    private final Connection connection;
    private final DataSource dataSource;
    private final BinaryCopy rows;
    private boolean closed;

    IdRowsCopy(Connection connection, DataSource dataSource, String sql) {
        this.connection = connection;
        this.dataSource = dataSource;
        try {
            this.rows = new BinaryCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw new IllegalStateException(e);
        }
    }

    void row(long first, long second) {
        start(2);
        rows.int8(first);
        rows.int8(second);
    }

    /** A row of one 8-byte integer. */
    void row(long only) {
        start(1);
        rows.int8(only);
    }

    /**
     * A row of a victim, its person, its version and its linkage hash (the {@code int8, int8, int4, int8} columns of
     * {@code persons.victim_person}; a null hash as SQL null).
     */
    void row(long victim, long person, int version, Long hash) {
        start(4);
        rows.int8(victim);
        rows.int8(person);
        rows.int4Value(version);
        rows.int8(hash);
    }

    private void start(int fields) {
        try {
            rows.row(fields);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the copy (its trailer written) and gives the connection back. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rows.end();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
