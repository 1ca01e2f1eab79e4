package org.gugus.warehouse;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The schema's migrations as Gugus runs them, for tests of what a migration does to an older install's records. */
final class Migrations {

    private Migrations() {
    }

    /** Migrates {@code database} up to {@code target} (a version, or {@code latest}) as Gugus configures Flyway. */
    static void upTo(DataSource database, String target) {
        // application.yaml: spring.flyway.*
        Flyway.configure().dataSource(database).locations("classpath:db/migration").schemas("gugus")
                .outOfOrder(true).target(target).load().migrate();
    }
}
