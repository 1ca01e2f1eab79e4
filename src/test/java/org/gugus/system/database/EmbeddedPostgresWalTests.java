package org.gugus.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server writes a table emptied or created by a transaction, and the indexes built on it, without
 * going through WAL (a reporting rebuild, a first load's block keys), and a table filled row by row as before, its WAL
 * written by the WAL writer rather than by the process that inserts (a first delivery's records).
 */
class EmbeddedPostgresWalTests {

    private static final int ROWS = 50_000;
    /** About 11 MB of rows. */
    private static final String FILL = "insert into filled (id, text) select n, repeat('x', 200) from generate_series(1, "
            + ROWS + ") n";

    @TempDir
    Path home;

    @Test
    void writesATableEmptiedByItsTransactionWithoutWalAndOneFilledRowByRowWithIt() throws SQLException {
        try (EmbeddedPostgres server = EmbeddedPostgres.start(home.resolve("postgres/data"), 0);
                Connection connection = server.connect("postgres");
                Statement sql = connection.createStatement()) {
            sql.execute("create table filled (id bigint, text text)");
            sql.execute(FILL);

            connection.setAutoCommit(false);
            long before = walPosition(sql);
            sql.execute("truncate filled");
            sql.execute(FILL);
            sql.execute("create index on filled (id)");
            connection.commit();
            long emptiedFirst = walPosition(sql) - before;

            before = walPosition(sql);
            sql.execute(FILL.replace("select n,", "select n + " + ROWS + ","));
            connection.commit();
            long filledRowByRow = walPosition(sql) - before;

            assertThat(filledRowByRow).as("WAL of rows added to a table the transaction found").isGreaterThan(10_000_000);
            assertThat(emptiedFirst).as("WAL of a table emptied and filled by one transaction, with an index")
                    .isLessThan(filledRowByRow / 10);
        }
    }

    @Test
    void writesTheWalOfALargeInsertWithoutTheInsertingProcessFindingTheWalBuffersFull() throws SQLException {
        try (EmbeddedPostgres server = EmbeddedPostgres.start(home.resolve("postgres/data"), 0);
                Connection connection = server.connect("postgres");
                Statement sql = connection.createStatement()) {
            sql.execute("create table filled (id bigint, text text)");
            long before = walBuffersFull(sql);

            // about 40 MB of WAL in one statement (less than the buffers hold): through 16 MB of buffers emptied every
            // 200 ms, the inserting process found them full about 1,500 times
            sql.execute(FILL.replace(String.valueOf(ROWS), String.valueOf(3 * ROWS)));

            assertThat(walBuffersFull(sql) - before).as("times the inserting process found the WAL buffers full")
                    .isZero();
        }
    }

    /** The server's count of WAL written by a process that found the buffers full, this session's counted too. */
    private static long walBuffersFull(Statement sql) throws SQLException {
        sql.execute("select pg_stat_force_next_flush()");
        sql.execute("select 1");
        try (ResultSet full = sql.executeQuery("select wal_buffers_full from pg_stat_wal")) {
            full.next();
            return full.getLong(1);
        }
    }

    private static long walPosition(Statement sql) throws SQLException {
        try (ResultSet position = sql.executeQuery("select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint")) {
            position.next();
            return position.getLong(1);
        }
    }
}
