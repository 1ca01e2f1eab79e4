package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.gugus.system.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The records of an install from before V095 keep the codes their attribute tables held, now read from
 * their {@code case_row} through views of the same names.
 */
class CodedAttributesMigrationTests {

    @Test
    void recordsKeepTheCodesTheirAttributeTablesHeldBeforeTheMigration() {
        DataSource database = TestDatabases.create("migration_coded_attributes");
        Migrations.upTo(database, "093");
        JdbcClient jdbc = JdbcClient.create(database);
        // one record as the publisher wrote it (lists in case_row and tables alike), one written whole by
        // a bench without lists in its case_row, one whose case_row disagrees with its tables
        Migrations.insertRecords(jdbc, """
                {"exploitation": ["SEKSUAL"], "recruitment": ["DARING"], "services": ["KESEHATAN", "PENGADUAN"]}""",
                "{}", """
                {"exploitation": ["PRT"], "recruitment": null, "services": []}""");
        jdbc.sql("""
                insert into warehouse.victim_exploitation (victim_id, code)
                values (1, 'SEKSUAL'), (2, 'KERJA_PAKSA'), (2, 'ABK'), (3, 'SEKSUAL')
                """).update();
        jdbc.sql("insert into warehouse.victim_recruitment (victim_id, code) values (1, 'DARING'), (3, 'JERATAN_UTANG')")
                .update();
        jdbc.sql("insert into warehouse.victim_service (victim_id, code) values (1, 'KESEHATAN'), (1, 'PENGADUAN')")
                .update();

        Migrations.upTo(database, "latest");

        assertThat(codes(jdbc, "victim_exploitation")).containsExactly("1:SEKSUAL", "2:ABK", "2:KERJA_PAKSA", "3:SEKSUAL");
        assertThat(codes(jdbc, "victim_recruitment")).containsExactly("1:DARING", "3:JERATAN_UTANG");
        assertThat(codes(jdbc, "victim_service")).containsExactly("1:KESEHATAN", "1:PENGADUAN");
        assertThat(jdbc.sql("select case_row::text from warehouse.victim where id = 1").query(String.class).single())
                .as("a record that agreed with its tables is left as it was")
                .isEqualTo("{\"services\": [\"KESEHATAN\", \"PENGADUAN\"], \"recruitment\": [\"DARING\"], "
                        + "\"exploitation\": [\"SEKSUAL\"]}");
        assertThat(jdbc.sql("select content_hash from warehouse.victim order by id").query(String.class).list())
                .containsExactly("c".repeat(64), "f".repeat(64), "3".repeat(64));
    }

    private static List<String> codes(JdbcClient jdbc, String view) {
        return jdbc.sql("select victim_id || ':' || code from warehouse." + view + " order by 1").query(String.class)
                .list();
    }
}
