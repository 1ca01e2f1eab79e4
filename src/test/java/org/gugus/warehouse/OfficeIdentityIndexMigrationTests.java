package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.gugus.system.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The records of an install from before V098 stay unique by identity within each office, by an index of its own. */
class OfficeIdentityIndexMigrationTests {

    private static final String RECORD = """
            insert into warehouse.victim (case_id, office_code, identity_key, person_key, victim_name, sex,
                                          origin_regency, citizenship, case_row, content_hash, source_file_id,
                                          source_sheet, source_row)
            values (1, ?, repeat(?, 64), repeat('b', 64), 'Satu', 'P', 'Samarinda', 'WNI', '{}', repeat('c', 64), 1,
                    'Data', ?)
            """;

    @Test
    void givesEachOfficeHoldingRecordsItsOwnUniqueIndexInPlaceOfTheKeyOfAllOffices() {
        DataSource database = TestDatabases.create("migration_identity_per_office");
        Migrations.upTo(database, "097");
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql(RECORD).params("64.72", "a", 2).update();
        jdbc.sql(RECORD).params("64.72", "d", 3).update();
        jdbc.sql(RECORD).params("64.74", "a", 2).update();

        Migrations.upTo(database, "latest");

        assertThat(jdbc.sql("""
                select indexname || ': ' || indexdef from pg_indexes
                 where schemaname = 'warehouse' and tablename = 'victim' and indexname like 'victim_identity_%'
                 order by 1
                """).query(String.class).list()).containsExactly(
                "victim_identity_64_72: CREATE UNIQUE INDEX victim_identity_64_72 ON warehouse.victim USING btree "
                        + "(identity_key) WHERE ((office_code)::text = '64.72'::text)",
                "victim_identity_64_74: CREATE UNIQUE INDEX victim_identity_64_74 ON warehouse.victim USING btree "
                        + "(identity_key) WHERE ((office_code)::text = '64.74'::text)");
        assertThat(jdbc.sql("select count(*) from pg_constraint where conname = 'victim_office_code_identity_key_key'")
                .query(Long.class).single()).isZero();
        assertThatThrownBy(() -> jdbc.sql(RECORD).params("64.74", "a", 4).update())
                .isInstanceOf(DuplicateKeyException.class);
        jdbc.sql(RECORD).params("64.74", "d", 5).update();
    }
}
