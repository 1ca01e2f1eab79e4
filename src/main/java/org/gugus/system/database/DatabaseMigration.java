package org.gugus.system.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.gugus.system.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * What happens to the database before anything else uses it, embedded or external: a server
 * older than PostgreSQL 15 is refused with a message that says so; a history left in
 * {@code public} by an older Gugus is moved into Gugus's schema; then Flyway migrates, and the
 * {@link MigrationFingerprint} of what it migrated with is recorded. A command (the command line
 * sets {@value #SKIP_UNCHANGED}) whose build finds its own fingerprint there, the history untouched
 * since, skips Flyway: the validation of every migration is then what the last migrate already did.
 */
@Component
class DatabaseMigration implements FlywayMigrationStrategy {

    /** Whether Flyway is skipped when the database was last migrated by these migrations, unchanged since. */
    static final String SKIP_UNCHANGED = "gugus.database.skip-unchanged-migrations";

    private static final Logger log = LoggerFactory.getLogger(DatabaseMigration.class);

    private final boolean skipUnchanged;

    DatabaseMigration(@Value("${" + SKIP_UNCHANGED + ":false}") boolean skipUnchanged) {
        this.skipUnchanged = skipUnchanged;
    }

    @Override
    public void migrate(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        MigrationFingerprint fingerprint = MigrationFingerprint.of(flyway.getConfiguration());
        try (Connection connection = dataSource.getConnection()) {
            if (skipUnchanged && fingerprint != null && fingerprint.matches(connection)) {
                log.info("Schema unchanged since it was last migrated with these migrations: Flyway not run");
                return;
            }
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
        if (fingerprint != null) {
            record(dataSource, fingerprint);
        }
    }

    /** A role that may migrate but not comment on the history only loses the shortcut. */
    private static void record(DataSource dataSource, MigrationFingerprint fingerprint) {
        try (Connection connection = dataSource.getConnection()) {
            fingerprint.record(connection);
        } catch (SQLException e) {
            log.warn("Could not record the migrations' fingerprint; commands will run Flyway at each start: {}",
                    e.getMessage());
        }
    }

    /** Start-up stops here: the server is too old for Gugus. */
    static final class UnsupportedDatabaseException extends IllegalStateException {

        UnsupportedDatabaseException(Message message) {
            super(message.both());
        }
    }
}
