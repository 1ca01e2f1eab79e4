package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.intake.FileOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A victim record keeps of its normalised row only what its typed columns do not hold, and gives
 * the whole row back ({@code warehouse.victim_case_row}) to history, corrections and rekeying.
 */
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class VictimCaseRowIntegrationTests {

    private static final int SERVICES = 13;
    private static final int NOTES = 14;

    /** Every field of a normalised row, as the intake writes it. */
    private static final String[] FIELDS = {"case_number", "report_date", "incident_date", "victim_name", "nik", "sex",
            "birth_place", "birth_date", "age", "origin_regency", "origin_regency_code", "origin_district",
            "origin_district_code", "origin_village", "origin_village_code", "address", "citizenship",
            "citizenship_country", "education", "exploitation", "recruitment", "destination_country",
            "destination_area", "case_stage", "services", "notes"};

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path files;

    @Test
    void keepsOfTheNormalisedRowOnlyTheCaseAndTheCodeLists() {
        load("64.02", "kukar-05.csv", TestWorkbooks.victims(3));

        assertThat(jdbc.sql("""
                select distinct array(select jsonb_object_keys(to_jsonb(case_fields)) order by 1)::text
                  from warehouse.victim where office_code = '64.02' and case_row is null
                """).query(String.class).list())
                .containsExactly("{case_number,case_stage,exploitation,incident_date,recruitment,report_date,services}");
    }

    @Test
    void givesTheWholeRowBackWithTheTypedColumnsValues() {
        load("64.03", "berau-05.csv", TestWorkbooks.victims(2));

        List<String> wholeRows = jdbc.sql("""
                select array(select jsonb_object_keys(r) order by 1)::text
                       || ' ' || (r ->> 'victim_name') || ' ' || (r ->> 'nik') || ' ' || (r ->> 'sex')
                       || ' ' || (r ->> 'age') || ' ' || (r ->> 'origin_regency') || ' ' || (r -> 'exploitation')::text
                  from warehouse.victim v cross join lateral (select warehouse.victim_case_row(v) as r) whole
                 where v.office_code = '64.03' order by v.source_row
                """).query(String.class).list();

        String keys = "{" + String.join(",", List.of(FIELDS).stream().sorted().toList()) + "}";
        List<List<String>> rows = TestWorkbooks.victims(2);
        assertThat(wholeRows).containsExactly(
                keys + " Korban Nomor 1 " + rows.get(0).get(4) + " L 16 Samarinda [\"SEKSUAL\"]",
                keys + " Korban Nomor 2 " + rows.get(1).get(4) + " P 17 Samarinda [\"SEKSUAL\"]");
    }

    @Test
    void historyKeepsTheWholeRowOfTheReplacedVersion() {
        List<List<String>> may = TestWorkbooks.victims(2);
        load("64.07", "kubar-05.csv", may);
        List<List<String>> june = TestWorkbooks.victims(2);
        june.get(1).set(NOTES, "Dipulangkan Juni");

        FileOutcome outcome = load("64.07", "kubar-06.csv", june);

        assertThat(outcome.updated()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from warehouse.victim_history h join warehouse.victim v on v.id = h.victim_id
                 where v.office_code = '64.07' and jsonb_exists_all(h.case_row, cast(:fields as text[]))
                   and h.case_row ->> 'notes' is null and v.notes = 'Dipulangkan Juni'
                   and h.case_row - 'notes' = warehouse.victim_case_row(v) - 'notes'
                """).param("fields", FIELDS).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void givesEachRecordTheCodesOfItsLatestRowAsItsCodedAttributes() {
        load("64.08", "paser-05.csv", TestWorkbooks.victims(2));
        List<List<String>> june = TestWorkbooks.victims(2);
        june.get(1).set(SERVICES, "Bantuan Hukum");

        FileOutcome outcome = load("64.08", "paser-06.csv", june);

        assertThat(outcome.updated()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select v.source_row || ':' || s.code from warehouse.victim_service s join warehouse.victim v on v.id = s.victim_id
                 where v.office_code = '64.08' order by 1
                """).query(String.class).list())
                .containsExactly("2:KESEHATAN", "2:REHABILITASI_SOSIAL", "3:BANTUAN_HUKUM");
        assertThat(jdbc.sql("""
                select v.source_row || ':' || e.code || ':' || r.code
                  from warehouse.victim v
                  join warehouse.victim_exploitation e on e.victim_id = v.id
                  join warehouse.victim_recruitment r on r.victim_id = v.id
                 where v.office_code = '64.08' order by 1
                """).query(String.class).list())
                .containsExactly("2:SEKSUAL:DARING", "3:SEKSUAL:DARING");
    }

    private FileOutcome load(String office, String name, List<List<String>> rows) {
        return reception.receive(TestWorkbooks.csv(files.resolve(name), rows), office, name, FileSource.COMMAND_LINE);
    }
}
