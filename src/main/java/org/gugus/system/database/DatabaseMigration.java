package org.gugus.system.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.gugus.system.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * What happens to the database before anything else uses it, embedded or external: a server
 * older than PostgreSQL 15 is refused with a message that says so; a history left in
 * {@code public} by an older Gugus is moved into Gugus's schema; then Flyway migrates.
 */
@Component
class DatabaseMigration implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(DatabaseMigration.class);

    @Override
    public void migrate(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            PostgresVersion version = PostgresVersion.of(connection);
            if (!version.supported()) {
                Message refusal = version.tooOld(connection.getMetaData().getURL());
                log.error("{}", refusal.both());
                throw new UnsupportedDatabaseException(refusal);
            }
            FlywayHistory.moveOutOfPublic(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the database for migration: " + e.getMessage(), e);
        }
        flyway.migrate();
    }

    /** Start-up stops here: the server is too old for Gugus. */
    static final class UnsupportedDatabaseException extends IllegalStateException {

        UnsupportedDatabaseException(Message message) {
            super(message.both());
        }
    }
}
