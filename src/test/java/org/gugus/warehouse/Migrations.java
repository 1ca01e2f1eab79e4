package org.gugus.warehouse;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    /**
     * Writes three records of case 1 of office 64.72 (ids 1, 2 and 3, of rows 2, 3 and 4 of file 1) as an older
     * install kept them, with these case rows ({@code jsonb} texts), for a migration to take.
     */
    static void insertRecords(JdbcClient jdbc, String first, String second, String third) {
        jdbc.sql("""
                insert into warehouse.victim (id, case_id, office_code, identity_key, person_key, victim_name, sex,
                                              origin_regency, citizenship, case_row, content_hash, source_file_id,
                                              source_sheet, source_row)
                overriding system value
                values (1, 1, '64.72', repeat('a', 64), repeat('b', 64), 'Satu', 'P', 'Samarinda', 'WNI',
                        cast(? as jsonb), repeat('c', 64), 1, 'Data', 2),
                       (2, 1, '64.72', repeat('d', 64), repeat('e', 64), 'Dua', 'L', 'Samarinda', 'WNI',
                        cast(? as jsonb), repeat('f', 64), 1, 'Data', 3),
                       (3, 1, '64.72', repeat('1', 64), repeat('2', 64), 'Tiga', 'P', 'Samarinda', 'WNI',
                        cast(? as jsonb), repeat('3', 64), 1, 'Data', 4)
                """).params(first, second, third).update();
    }
}
