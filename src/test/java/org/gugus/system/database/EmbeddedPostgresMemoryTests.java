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
 * The embedded server holds the shared buffers and WAL buffers sized from this machine's memory, not a fixed
 * 512 MB that a large first delivery's records outgrow as they are inserted.
 */
class EmbeddedPostgresMemoryTests {

    @TempDir
    Path home;

    @Test
    void startsWithSharedAndWalBuffersSizedFromTheMachinesMemory() throws SQLException {
        ServerMemory sized = ServerMemory.ofThisMachine();
        try (EmbeddedPostgres server = EmbeddedPostgres.start(home.resolve("postgres/data"), 0);
                Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(),
                        server.password());
                Statement sql = connection.createStatement()) {
            assertThat(megabytes(sql, "shared_buffers")).isEqualTo(sized.sharedBuffersMb());
            assertThat(megabytes(sql, "wal_buffers")).isEqualTo(sized.walBuffersMb());
        }
    }

    private static long megabytes(Statement sql, String setting) throws SQLException {
        try (ResultSet result = sql.executeQuery("select setting::bigint * current_setting('block_size')::int"
                + " / (1024 * 1024) from pg_settings where name = '" + setting + "'")) {
            result.next();
            return result.getLong(1);
        }
    }
}
