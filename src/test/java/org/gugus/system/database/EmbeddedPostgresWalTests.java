package org.gugus.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server writes a table emptied or created by a transaction, and the indexes built on it, without
 * going through WAL (a reporting rebuild, a first load's block keys), and a table filled row by row as before.
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
                Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(),
                        server.password());
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

    private static long walPosition(Statement sql) throws SQLException {
        try (ResultSet position = sql.executeQuery("select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint")) {
            position.next();
            return position.getLong(1);
        }
    }
}
