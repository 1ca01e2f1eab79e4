package org.gugus.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gugus.IntegrationTest;
import org.gugus.system.GugusCommands;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The reporting schema as others read it: the CTDC export and the read-only role of coordinators' tools. */
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class ReportingSchemaIntegrationTests {

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GugusCommands gugus;

    @Autowired
    TransactionTemplate transactions;

    @TempDir
    Path files;

    @Test
    void theCtdcExportSharesEveryCombinationOfQuasiIdentifiersAmongAtLeastElevenPersons() throws Exception {
        Random random = new Random(7);
        String[] ages = {"0-5", "6-12", "13-17", "18-24", "25-59", "60+", "unknown"};
        String[] destinations = {"MY", "ID", "TW", "SA"};
        String[] exploitation = {"SEKSUAL", "KERJA_PAKSA", "PRT", "ABK"};
        for (int id = 1; id <= 400; id++) {
            boolean common = id <= 60;  // 60 alike: written as they are
            person(id, common ? "P" : random.nextBoolean() ? "L" : "P", common ? "18-24" : ages[random.nextInt(ages.length)],
                    common || random.nextInt(10) > 0 ? "WNI" : "WNA", common || random.nextInt(4) > 0 ? "64.72" : "63.71",
                    common ? "MY" : destinations[random.nextInt(destinations.length)],
                    common ? "SEKSUAL" : exploitation[random.nextInt(exploitation.length)], common ? 2024 : 2023 + random.nextInt(2));
        }
        Path out = files.resolve("ctdc.csv");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = gugus.execute(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                "export", "ctdc", "--out", out.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<CSVRecord> rows;
        try (Reader reader = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            rows = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
        Map<List<String>, Integer> combinations = new HashMap<>();
        rows.forEach(row -> combinations.merge(row.toList(), 1, Integer::sum));
        assertThat(combinations.values()).allSatisfy(persons -> assertThat(persons).isGreaterThanOrEqualTo(11));
        assertThat(rows.get(0).getParser().getHeaderNames()).isEqualTo(CtdcExport.COLUMNS);
        assertThat(combinations).containsEntry(List.of("2024", "Female", "18-24", "Adult", "WNI", "64", "MY", "SEKSUAL"), 60);
        assertThat(combinations.keySet()).anySatisfy(combination -> assertThat(combination.get(2)).isIn("0-17", "18+"));
        assertThat(rows.size()).isGreaterThan(200).isLessThanOrEqualTo(400);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(rows.size() + " orang", (400 - rows.size()) + " disembunyikan");
        assertThat(Files.readString(out)).doesNotContain("person");
    }

    @Test
    void theReadOnlyRoleReadsTheReportingSchemaAndNothingElse() {
        Assumptions.assumeTrue(jdbc.sql("select exists (select 1 from pg_roles where rolname = 'gugus_reporting')")
                .query(Boolean.class).single(), "the migrating user may not create roles here");

        assertThat(asReadOnlyRole("select count(*) from reporting.person")).isNotNull();
        assertThat(asReadOnlyRole("select count(*) from reporting.region")).isNotNull();
        assertThat(asReadOnlyRole("select count(*) from (select person_id, office_code, report_date from reporting.report) r"))
                .isNotNull();
        assertThatThrownBy(() -> asReadOnlyRole("select count(*) from warehouse.victim"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asReadOnlyRole("select count(*) from persons.victim_person"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asReadOnlyRole("select count(birth_date) from reporting.report"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThat(asReadOnlyRole("select count(*) from (select person_id, report_date, exploitation from reporting.report_fact) f"))
                .isNotNull();
        assertThatThrownBy(() -> asReadOnlyRole("select count(birth) from reporting.report_fact"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asReadOnlyRole("delete from reporting.person"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
    }

    private Long asReadOnlyRole(String sql) {
        return transactions.execute(status -> {
            jdbc.sql("set local role gugus_reporting").update();
            return jdbc.sql(sql).query((rs, n) -> rs.getLong(1)).optional().orElse(0L);
        });
    }

    private void person(long id, String sex, String ageGroup, String citizenship, String regency, String destination,
            String exploitation, int year) {
        jdbc.sql("insert into persons.person default values").update();
        jdbc.sql("""
                insert into reporting.person (person_id, sex, age_group, citizenship, origin_regency_code, origin_province_code,
                       first_report_date, last_report_date, offices, exploitation, recruitment, destination_countries,
                       services, reports, cases, multi_office, re_trafficked)
                values (:id, :sex, :age, :citizenship, :regency, left(:regency, 2), make_date(:year, 3, 1), make_date(:year, 3, 1),
                        '{64.72}', array[:exploitation], '{}', array[:destination], '{}', 1, 1, false, false)
                """).param("id", id).param("sex", sex).param("age", ageGroup).param("citizenship", citizenship)
                .param("regency", regency).param("year", year).param("exploitation", exploitation)
                .param("destination", destination).update();
    }
}
