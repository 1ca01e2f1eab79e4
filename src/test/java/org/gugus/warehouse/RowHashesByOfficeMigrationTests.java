package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.gugus.system.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The row hashes of an install from before V112 are kept, each office's in a partition of its own. */
class RowHashesByOfficeMigrationTests {

    private static final String HASH = """
            insert into warehouse.victim_row_hash (office_code, victim_id, prefix, row_hash, received_on)
            values (?, ?, ?, decode(repeat('ab', 32), 'hex'), date '2024-06-01')
            """;

    @Test
    void movesEachOfficesRowHashesIntoAPartitionOfItsOwnUnderTheSameKey() {
        DataSource database = TestDatabases.create("migration_row_hashes_by_office");
        Migrations.upTo(database, "111");
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql(HASH).params("64.72", 1, 11).update();
        jdbc.sql(HASH).params("64.72", 2, 12).update();
        jdbc.sql(HASH).params("64.74", 3, 13).update();

        Migrations.upTo(database, "latest");

        assertThat(jdbc.sql("""
                select tableoid::regclass || ' ' || office_code || ' ' || victim_id || ' ' || prefix
                  from warehouse.victim_row_hash order by victim_id
                """).query(String.class).list()).containsExactly(
                "warehouse.victim_row_hash_64_72 64.72 1 11",
                "warehouse.victim_row_hash_64_72 64.72 2 12",
                "warehouse.victim_row_hash_64_74 64.74 3 13");
        assertThatThrownBy(() -> jdbc.sql(HASH).params("64.74", 3, 14).update())
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.sql(HASH).params("64.01", 4, 15).update())
                .as("an office without its partition yet").isInstanceOf(DataIntegrityViolationException.class);
        jdbc.sql("select warehouse.office_row_hashes('64.01')").query(String.class).single();
        jdbc.sql(HASH).params("64.01", 4, 15).update();
        assertThat(jdbc.sql("select tableoid::regclass::text from warehouse.victim_row_hash where victim_id = 4")
                .query(String.class).single()).isEqualTo("warehouse.victim_row_hash_64_01");
    }
}
