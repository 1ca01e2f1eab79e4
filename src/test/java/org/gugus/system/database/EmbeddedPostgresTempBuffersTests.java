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
 * The embedded server keeps a session's large temporary table in the session's memory (a first delivery's plan,
 * written once and read at each of its statements), instead of writing its pages to a file and reading them back.
 */
class EmbeddedPostgresTempBuffersTests {

    @TempDir
    Path home;

    @Test
    void readsATemporaryTableOfSixtyMegabytesBackFromTheSessionsMemory() throws SQLException {
        try (EmbeddedPostgres server = EmbeddedPostgres.start(home.resolve("postgres/data"), 0);
                Connection connection = server.connect("postgres");
                Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("create temporary table plan on commit drop as"
                    + " select n, repeat(md5(n::text), 28) as wide from generate_series(1, 60000) n");
            long pages = single(sql, "select pg_relation_size('plan') / current_setting('block_size')::int");
            assertThat(pages).as("pages of the temporary table").isGreaterThan(7_000);

            single(sql, "select count(*) from plan where wide like '%x%'");
            String secondScan = plan(sql, "select count(*) from plan where wide like '%x%'");

            assertThat(secondScan).as("a second scan of the table, by its buffers")
                    .contains("\"Local Hit Blocks\": " + pages)
                    .contains("\"Local Read Blocks\": 0,")
                    .contains("\"Local Written Blocks\": 0,");
            connection.rollback();
        }
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String plan(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery("explain (analyze, buffers, format json) " + query)) {
            result.next();
            return result.getString(1);
        }
    }
}
