package org.gugus.persons;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows of integers into PostgreSQL's COPY in its binary format ({@code with (format binary)}), written in chunks
 * of about a megabyte: a first load's 800,000 block keys and 100,000 resolved records were formatted as text here
 * and parsed again by the server.
 */
final class BinaryCopy implements AutoCloseable {

    private static final int CHUNK = 1 << 20;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** The longest row written: the field count, then each field's length and value. */
    private static final int ROW = 2 + 4 * (4 + 8);

    private final Connection connection;
    private final DataSource dataSource;
    private final CopyIn in;
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK + ROW);
    private boolean closed;

    BinaryCopy(Connection connection, DataSource dataSource, String sql) {
        this.connection = connection;
        this.dataSource = dataSource;
        try {
            this.in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw new IllegalStateException(e);
        }
        buffer.put(SIGNATURE).putInt(0).putInt(0); // no flags, no header extension
    }

    void row(long first, long second) {
        buffer.putShort((short) 2).putInt(8).putLong(first).putInt(8).putLong(second);
        if (buffer.position() >= CHUNK) {
            flush();
        }
    }

    /** A row of one 8-byte integer. */
    void row(long only) {
        buffer.putShort((short) 1).putInt(8).putLong(only);
        if (buffer.position() >= CHUNK) {
            flush();
        }
    }

    /**
     * A row of a victim, its person, its version and its linkage hash (the {@code int8, int8, int4, int8} columns of
     * {@code persons.victim_person}; a null hash as SQL null).
     */
    void row(long victim, long person, int version, Long hash) {
        buffer.putShort((short) 4).putInt(8).putLong(victim).putInt(8).putLong(person).putInt(4).putInt(version);
        if (hash == null) {
            buffer.putInt(-1);
        } else {
            buffer.putInt(8).putLong(hash);
        }
        if (buffer.position() >= CHUNK) {
            flush();
        }
    }

    private void flush() {
        try {
            in.writeToCopy(buffer.array(), 0, buffer.position());
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
        buffer.clear();
    }

    /** Ends the copy (its trailer written) and gives the connection back. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            buffer.putShort((short) -1);
            flush();
            in.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
