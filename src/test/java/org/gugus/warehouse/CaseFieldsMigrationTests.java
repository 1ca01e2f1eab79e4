package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.gugus.system.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The records of an install from before V107 keep their whole normalised row and their codes: those whose
 * {@code case_row} the row of {@code warehouse.case_row_fields} gives back are kept as that row, the others as
 * they were.
 */
class CaseFieldsMigrationTests {

    @Test
    void recordsWrittenBeforeKeepTheirNormalisedRowAndCodesAndTakeTheRowWhereItGivesTheirCaseRowBack() {
        DataSource database = TestDatabases.create("migration_case_fields");
        Migrations.upTo(database, "106");
        JdbcClient jdbc = JdbcClient.create(database);
        // one record as a publish wrote it (every field), one without its code lists, one with a field the
        // row does not hold (a record a bench wrote whole)
        Migrations.insertRecords(jdbc, """
                {"case_number": "TPPO/1", "report_date": "2024-06-05", "incident_date": null,
                 "exploitation": ["SEKSUAL"], "recruitment": [], "case_stage": "P21",
                 "services": ["KESEHATAN", "PENGADUAN"]}""", """
                {"case_number": "TPPO/1"}""", """
                {"case_number": "TPPO/1", "report_date": "2024-06-05", "incident_date": null,
                 "exploitation": ["PRT"], "recruitment": null, "case_stage": null, "services": [],
                 "victim_name": "Tiga Lama"}""");
        List<String> before = normalisedRows(jdbc);

        Migrations.upTo(database, "latest");

        assertThat(normalisedRows(jdbc)).isEqualTo(before);
        assertThat(jdbc.sql("select id || ':' || num_nulls(case_row) || num_nulls(case_fields) from warehouse.victim"
                + " order by id").query(String.class).list()).as("which one each record keeps")
                .containsExactly("1:10", "2:01", "3:01");
        assertThat(jdbc.sql("select victim_id || ':' || code from warehouse.victim_exploitation order by 1")
                .query(String.class).list()).containsExactly("1:SEKSUAL", "3:PRT");
        assertThat(jdbc.sql("select victim_id || ':' || code from warehouse.victim_service order by 1")
                .query(String.class).list()).containsExactly("1:KESEHATAN", "1:PENGADUAN");
    }

    private static List<String> normalisedRows(JdbcClient jdbc) {
        return jdbc.sql("select warehouse.victim_case_row(v)::text from warehouse.victim v order by id")
                .query(String.class).list();
    }
}
