package org.gugus.ingest.sftp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * A PostgreSQL advisory lock per office, held for the length of one poll, so Gugus instances that
 * share the database never pull from the same office at once (and so never pull or load a file
 * twice). The lock lives in the database session: a crashed instance releases it with its connection.
 */
@Component
class OfficePollLock {

    /** The advisory-lock namespace of SFTP polls ("SFTP" in ASCII); the office code is the key within it. */
    static final int NAMESPACE = 0x53465450;

    private final DataSource dataSource;

    OfficePollLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the office's lock, waiting at most {@code wait}; empty when another instance kept it. */
    Optional<Held> acquire(String officeCode, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            while (true) {
                if (call(connection, "select pg_try_advisory_lock(?, ?)", officeCode)) {
                    return Optional.of(new Held(connection, officeCode));
                }
                if (!Instant.now().isBefore(deadline)) {
                    connection.close();
                    return Optional.empty();
                }
                Thread.sleep(Math.min(250, Math.max(1, Duration.between(Instant.now(), deadline).toMillis())));
            }
        } catch (SQLException e) {
            close(connection);
            throw new IllegalStateException("Cannot take the SFTP poll lock of office " + officeCode, e);
        } catch (InterruptedException e) {
            close(connection);
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static int key(String officeCode) {
        return Integer.parseInt(officeCode.replace(".", ""));
    }

    private static boolean call(Connection connection, String sql, String officeCode) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, NAMESPACE);
            statement.setInt(2, key(officeCode));
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is gone, and the lock with its session
            }
        }
    }

    /** The lock while a poll runs; closing it releases the lock and returns the connection. */
    static final class Held implements AutoCloseable {

        private final Connection connection;
        private final String officeCode;

        private Held(Connection connection, String officeCode) {
            this.connection = connection;
            this.officeCode = officeCode;
        }

        @Override
        public void close() {
            try {
                call(connection, "select pg_advisory_unlock(?, ?)", officeCode);
            } catch (SQLException ignored) {
                // a broken session has released the lock already
            } finally {
                OfficePollLock.close(connection);
            }
        }
    }
}
