package org.gugus.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Flyway's history in Gugus's own schema, on a fresh database and on an install that kept it in public. */
class DatabaseMigrationTests {

    private final DatabaseMigration migration = new DatabaseMigration();

    @Test
    void keepsTheHistoryOfAFreshDatabaseInSchemaGugus() throws SQLException {
        DataSource database = TestDatabases.create("migration_fresh");

        migration.migrate(gugusFlyway(database));

        assertThat(historyIn(database, "gugus")).isTrue();
        assertThat(historyIn(database, "public")).isFalse();
        assertThat(count(database, "select count(*) from gugus.flyway_schema_history where success and script like '%V001__batch_job_repository.sql'"))
                .isEqualTo(1);
    }

    @Test
    void movesTheHistoryOfAnOlderInstallOutOfPublicWithoutRunningAnyMigrationAgain() throws SQLException {
        DataSource database = TestDatabases.create("migration_moved");
        // as Gugus installed it before: history in public, every migration of the time applied
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        long applied = count(database, "select count(*) from public.flyway_schema_history");

        migration.migrate(gugusFlyway(database));

        assertThat(historyIn(database, "public")).isFalse();
        assertThat(count(database, "select count(*) from gugus.flyway_schema_history")).isEqualTo(applied);
        assertThat(count(database, "select count(*) from gugus.flyway_schema_history where not success")).isZero();
    }

    @Test
    void leavesAnotherApplicationsHistoryInPublicAlone() throws SQLException {
        DataSource database = TestDatabases.create("migration_other_app");
        execute(database, "create table public.flyway_schema_history (installed_rank int, script text)");
        execute(database, "insert into public.flyway_schema_history values (1, 'V1__their_table.sql')");

        migration.migrate(gugusFlyway(database));

        assertThat(count(database, "select count(*) from public.flyway_schema_history")).isEqualTo(1);
        assertThat(historyIn(database, "gugus")).isTrue();
    }

    /** Flyway as Gugus configures it (application.yaml: spring.flyway.*). */
    private static Flyway gugusFlyway(DataSource database) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration").schemas("gugus").load();
    }

    private static boolean historyIn(DataSource database, String schema) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return FlywayHistory.exists(connection, schema);
        }
    }

    private static long count(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
