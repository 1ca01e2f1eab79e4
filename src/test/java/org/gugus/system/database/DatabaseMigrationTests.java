package org.gugus.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Flyway's history in Gugus's own schema, on a fresh database and on an install that kept it in
 * public; a command skips Flyway only while the database is as these migrations last left it.
 */
class DatabaseMigrationTests {

    private final DatabaseMigration migration = new DatabaseMigration(false);

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

    @Test
    void aCommandSkipsFlywayWhenTheDatabaseWasLastMigratedWithTheseMigrations() throws SQLException {
        DataSource database = TestDatabases.create("migration_unchanged");
        migration.migrate(gugusFlyway(database));
        AtomicInteger runs = new AtomicInteger();

        new DatabaseMigration(true).migrate(gugusFlyway(database, runs));

        assertThat(runs).hasValue(0);
        assertThat(comment(database)).startsWith("gugus-migrations ");
    }

    @Test
    void theServerRunsFlywayEvenWhenNothingChanged() throws SQLException {
        DataSource database = TestDatabases.create("migration_server");
        migration.migrate(gugusFlyway(database));
        AtomicInteger runs = new AtomicInteger();

        migration.migrate(gugusFlyway(database, runs));

        assertThat(runs).hasValue(1);
    }

    @Test
    void aCommandRunsFlywayWhenOtherMigrationsLastMigratedTheDatabase() throws SQLException {
        DataSource database = TestDatabases.create("migration_other_build");
        migration.migrate(gugusFlyway(database));
        execute(database, "comment on table gugus.flyway_schema_history is 'gugus-migrations 0123 45:45:0:0'");
        AtomicInteger runs = new AtomicInteger();

        new DatabaseMigration(true).migrate(gugusFlyway(database, runs));

        assertThat(runs).hasValue(1);
        assertThat(comment(database)).isNotEqualTo("gugus-migrations 0123 45:45:0:0");
    }

    @Test
    void aCommandRunsFlywayWhenTheHistoryChangedSinceTheLastMigrate() throws SQLException {
        DataSource database = TestDatabases.create("migration_history_changed");
        migration.migrate(gugusFlyway(database));
        execute(database, "insert into gugus.flyway_schema_history (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success) values (999, '999', 'broken', 'SQL', 'V999__broken.sql',"
                + " 0, 'test', 0, false)");
        AtomicInteger runs = new AtomicInteger();

        new DatabaseMigration(true).migrate(gugusFlyway(database, runs));

        assertThat(runs).hasValue(1);
    }

    @Test
    void aCommandFindsTheSchemaUnchangedFromItsSettingsAloneWithoutBuildingFlyway() throws SQLException {
        DataSource database = TestDatabases.create("migration_settings");
        migration.migrate(gugusFlyway(database));
        MockEnvironment settings = new MockEnvironment().withProperty("spring.flyway.locations", "classpath:db/migration")
                .withProperty("spring.flyway.schemas", "gugus").withProperty("spring.flyway.out-of-order", "true");

        MigrationFingerprint fingerprint = MigrationFingerprint.of(MigrationFingerprint.settings(settings),
                getClass().getClassLoader());

        try (Connection connection = database.getConnection()) {
            assertThat(fingerprint.matches(connection)).isTrue();
        }
    }

    @Test
    void settingsThatChooseOtherMigrationsDoNotMatch() throws SQLException {
        DataSource database = TestDatabases.create("migration_other_settings");
        migration.migrate(gugusFlyway(database));
        MockEnvironment inOrder = new MockEnvironment().withProperty("spring.flyway.locations", "classpath:db/migration")
                .withProperty("spring.flyway.schemas", "gugus");

        MigrationFingerprint fingerprint = MigrationFingerprint.of(inOrder, getClass().getClassLoader());

        try (Connection connection = database.getConnection()) {
            assertThat(fingerprint.matches(connection)).isFalse();
        }
        assertThat(MigrationFingerprint.of(new MockEnvironment().withProperty("spring.flyway.target", "45"),
                getClass().getClassLoader())).as("a target other than the latest: Flyway decides").isNull();
        assertThat(MigrationFingerprint.of(new MockEnvironment().withProperty("spring.flyway.enabled", "false"),
                getClass().getClassLoader())).isNull();
    }

    /** Flyway as Gugus configures it (application.yaml: spring.flyway.*). */
    private static Flyway gugusFlyway(DataSource database) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration").schemas("gugus")
                .outOfOrder(true).load();
    }

    /** The same, counting the migrate runs that Flyway starts. */
    private static Flyway gugusFlyway(DataSource database, AtomicInteger runs) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration").schemas("gugus")
                .outOfOrder(true).callbacks(new Callback() {
                    @Override
                    public boolean supports(Event event, Context context) {
                        return event == Event.BEFORE_MIGRATE;
                    }

                    @Override
                    public boolean canHandleInTransaction(Event event, Context context) {
                        return true;
                    }

                    @Override
                    public void handle(Event event, Context context) {
                        runs.incrementAndGet();
                    }

                    @Override
                    public String getCallbackName() {
                        return "counting";
                    }
                }).load();
    }

    private static String comment(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select obj_description('gugus.flyway_schema_history'::regclass, 'pg_class')")) {
            result.next();
            return result.getString(1);
        }
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
