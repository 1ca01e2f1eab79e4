package org.gugus.system.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Flyway keeps the history of Gugus's migrations: in Gugus's own schema, {@value #SCHEMA},
 * not in {@code public}, which from PostgreSQL 15 on a role that does not own the database may not
 * write, and which other applications of the same database may use. Installs from before kept it in
 * {@code public}; it is moved once, with its rows, so no migration runs twice.
 */
final class FlywayHistory {

    static final String SCHEMA = "gugus";
    static final String TABLE = "flyway_schema_history";
    private static final Logger log = LoggerFactory.getLogger(FlywayHistory.class);

    private FlywayHistory() {
    }

    /** Moves a Gugus history left in {@code public} into {@value #SCHEMA}; returns whether it did. */
    static boolean moveOutOfPublic(Connection connection) throws SQLException {
        if (!exists(connection, "public") || exists(connection, SCHEMA) || !isGugusHistory(connection)) {
            return false;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists " + SCHEMA);
            statement.execute("alter table public." + TABLE + " set schema " + SCHEMA);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        log.info("Moved Flyway's history of Gugus's migrations from schema public to schema {}", SCHEMA);
        return true;
    }

    static boolean exists(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select to_regclass(?) is not null")) {
            statement.setString(1, schema + "." + TABLE);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /** Whether the table in {@code public} is ours and not another application's: it ran our first migration. */
    private static boolean isGugusHistory(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select exists (select 1 from public." + TABLE
                        + " where script like '%V001__batch_job_repository.sql')")) {
            result.next();
            return result.getBoolean(1);
        }
    }
}
