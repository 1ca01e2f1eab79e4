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
    /** The pool the connection goes back to at the close; null for a connection its caller gives back. */
    private final DataSource dataSource;
    private final BinaryCopy rows;
    private boolean closed;

    IdRowsCopy(Connection connection, DataSource dataSource, String sql) {
        this.connection = connection;
        this.dataSource = dataSource;
        try {
            this.rows = new BinaryCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
        } catch (SQLException e) {
            release();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A copy on a connection its caller holds and gives back itself (one outside the thread's transaction: a
     * first load's block keys written beside the run, {@link BlockKeysAside}).
     */
    static IdRowsCopy onHeldConnection(Connection connection, String sql) {
        return new IdRowsCopy(connection, null, sql);
    }

    void row(long first, long second) {
        start(2);
        rows.int8(first);
        rows.int8(second);
    }

    /** A row of an 8-byte integer and a 4-byte one ({@code int8, int4}: a searched key's hash and its block's room). */
    void row(long first, int second) {
        start(2);
        rows.int8(first);
        rows.int4Value(second);
    }

    /** A row of two 8-byte integers and a 4-byte one ({@code int8, int8, int4}: a bounded run's key, record and cap). */
    void row(long first, long second, int third) {
        start(3);
        rows.int8(first);
        rows.int8(second);
        rows.int4Value(third);
    }

    /**
     * A row of a pair kept by a bounded run ({@code int8, int8, float8, float8, bool}: its records, weight, probability
     * and whether its names disagree).
     */
    void row(long victimA, long victimB, double weight, double probability, boolean namesDisagree) {
        start(5);
        rows.int8(victimA);
        rows.int8(victimB);
        rows.int8(Double.doubleToLongBits(weight));
        rows.int8(Double.doubleToLongBits(probability));
        rows.bool(namesDisagree);
    }

    /**
     * A row of an 8-byte integer and the first {@code size} of an array of them ({@code int8, int8[]}: a block's key
     * and its records, or a record and its keys).
     */
    void row(long first, long[] second, int size) {
        start(2);
        rows.int8(first);
        rows.int8Array(second, size);
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

    /**
     * A row of a pair of records (the {@code int8, int8, float8, float8, jsonb} of a queued pair: its weight, its
     * probability and its explanation as JSON).
     */
    void row(long victimA, long victimB, double weight, double probability, String comparisons) {
        start(5);
        pair(victimA, victimB, weight, probability, comparisons);
    }

    /**
     * A row of a link ({@code int8, int8, float8, float8, jsonb, bool, int8}: a queued pair's columns, whether a
     * reviewer's decision made it, its run).
     */
    void row(long victimA, long victimB, double weight, double probability, String comparisons, boolean decided,
            long run) {
        start(7);
        pair(victimA, victimB, weight, probability, comparisons);
        rows.bool(decided);
        rows.int8(run);
    }

    private void pair(long victimA, long victimB, double weight, double probability, String comparisons) {
        rows.int8(victimA);
        rows.int8(victimB);
        // a float8 travels as its IEEE 754 bits in network order, as an int8 does its value: the same double the text
        // COPY gave (Double.toString's digits read back by the server are the nearest double, this one)
        rows.int8(Double.doubleToLongBits(weight));
        rows.int8(Double.doubleToLongBits(probability));
        rows.jsonb(comparisons);
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
            release();
        }
    }

    private void release() {
        if (dataSource != null) {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
