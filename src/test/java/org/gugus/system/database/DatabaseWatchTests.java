package org.gugus.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The watch of a command's database, against a real server: what it leaves there while it asks. */
class DatabaseWatchTests {

    private static final String WATCH = "gugus-database-watch-test";

    /** A backend of the watch as the server lists it: its process and when it last asked. */
    private record Backend(int pid, Timestamp lastQuestion) {
    }

    @Test
    void asksOnOneConnectionForAsLongAsTheServerAnswers() throws Exception {
        PGSimpleDataSource database = TestDatabases.create("database_watch_one");
        database.setApplicationName(WATCH);
        AtomicReference<String> lost = new AtomicReference<>();

        List<Backend> seen = new ArrayList<>();
        try (DatabaseWatch watch = DatabaseWatch.start(database, Duration.ofSeconds(15), lost::set);
                Connection observer = TestDatabases.create("database_watch_observer").getConnection()) {
            // three questions (one every 2 s) seen from the server: each one a new query on the backend
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (distinctQuestions(seen) < 3 && System.nanoTime() < deadline) {
                seen.addAll(backends(observer, "database_watch_one"));
                Thread.sleep(200);
            }
        }

        assertThat(distinctQuestions(seen)).isGreaterThanOrEqualTo(3);
        assertThat(seen.stream().map(Backend::pid).distinct()).hasSize(1);
        assertThat(lost.get()).isNull();
    }

    @Test
    void leavesNoConnectionBehindOnceClosed() throws Exception {
        PGSimpleDataSource database = TestDatabases.create("database_watch_closed");
        database.setApplicationName(WATCH);
        try (Connection observer = TestDatabases.create("database_watch_observer_closed").getConnection()) {
            DatabaseWatch watch = DatabaseWatch.start(database, Duration.ofSeconds(15), reason -> { });
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (backends(observer, "database_watch_closed").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(backends(observer, "database_watch_closed")).hasSize(1);

            watch.close();

            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!backends(observer, "database_watch_closed").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(backends(observer, "database_watch_closed")).isEmpty();
        }
    }

    private static long distinctQuestions(List<Backend> seen) {
        return seen.stream().map(Backend::lastQuestion).distinct().count();
    }

    private static List<Backend> backends(Connection observer, String database) throws SQLException {
        try (PreparedStatement query = observer.prepareStatement("""
                select pid, query_start from pg_stat_activity
                 where datname = ? and application_name = ? and query_start is not null
                """)) {
            query.setString(1, database);
            query.setString(2, WATCH);
            List<Backend> backends = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    backends.add(new Backend(rows.getInt(1), rows.getTimestamp(2)));
                }
            }
            return backends;
        }
    }
}
