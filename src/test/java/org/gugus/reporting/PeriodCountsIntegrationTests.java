package org.gugus.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.gugus.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one-statement count of a period ({@link FactCounts}) against the indicators counted one by
 * one, each from its own pairs over the persons made by the plain rules ({@link PersonRules#AGGREGATE},
 * which sorts each person's reports): the same cells for random periods and offices over random
 * reports. And the kept counts of a period: read again until the reporting schema changes.
 */
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeriodCountsIntegrationTests {

    private static final String[] OFFICES = {"64.71", "64.72", "64.02"};
    private static final String[] STAGES = {null, "DIHENTIKAN", "LAPORAN", "PENYIDIKAN", "PUTUSAN", "TIDAK_DILAPORKAN"};
    private static final String[] EXPLOITATION = {"SEKSUAL", "KERJA_PAKSA", "PRT", "ABK", "LAINNYA"};
    private static final String[] SERVICES = {"PENGADUAN", "KESEHATAN", "PEMULANGAN"};

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IndicatorQueries queries;

    @BeforeAll
    void sixHundredReportsOfTwoHundredPersonsOverFourYears() {
        Random random = new Random(11);
        for (int victim = 1; victim <= 600; victim++) {
            // persons with one report and persons with several, some on the same date (ties by record id)
            long person = 1 + random.nextInt(200);
            LocalDate date = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(4 * 365) / (victim % 7 == 0 ? 30 : 1));
            jdbc.sql("""
                    insert into reporting.report (victim_id, person_id, office_code, case_id, case_number, report_date, sex,
                           birth_date, age, origin_regency_code, citizenship, destination_country, case_stage, exploitation,
                           services, source_file_id)
                    values (:victim, :person, :office, :caseId, 'C/' || :caseId, :date, :sex, :birth, :age, :origin, :citizenship,
                           :destination, :stage, :exploitation, :services, 1)
                    """)
                    .param("victim", (long) victim).param("person", person)
                    .param("office", OFFICES[random.nextInt(OFFICES.length)]).param("caseId", (long) 1 + random.nextInt(250))
                    .param("date", date).param("sex", random.nextInt(5) == 0 ? null : random.nextBoolean() ? "L" : "P")
                    .param("birth", random.nextInt(3) == 0 ? LocalDate.of(1985, 1, 1).plusDays(random.nextInt(9000)) : null)
                    .param("age", random.nextInt(6) == 0 ? null : random.nextInt(70))
                    .param("origin", random.nextInt(4) == 0 ? null : random.nextBoolean() ? "64.72" : "63.71")
                    .param("citizenship", random.nextInt(6) == 0 ? null : random.nextBoolean() ? "WNI" : "WNA")
                    .param("destination", random.nextInt(3) == 0 ? null : random.nextBoolean() ? "MY" : "TW")
                    .param("stage", STAGES[random.nextInt(STAGES.length)])
                    .param("exploitation", some(random, EXPLOITATION)).param("services", some(random, SERVICES)).update();
        }
    }

    @Test
    void countsEveryIndicatorOfRandomPeriodsAndOfficesAsTheIndicatorsCountedOneByOne() {
        Random random = new Random(3);
        for (int i = 0; i < 25; i++) {
            LocalDate from = i % 5 == 0 ? null : LocalDate.of(2021, 1, 1).plusDays(random.nextInt(3 * 365));
            LocalDate to = i % 7 == 0 ? null : (from == null ? LocalDate.of(2022, 1, 1) : from).plusDays(random.nextInt(500));
            String office = i % 3 == 0 ? OFFICES[random.nextInt(OFFICES.length)] : null;
            ReportQuery query = new ReportQuery(from, to, office == null && from == null && to == null ? "64.72" : office);

            Map<Indicator, Map<String, Long>> counted = queries.count(query);

            assertThat(counted).as("%s", query).isEqualTo(oneByOne(query));
        }
    }

    @Test
    void countsTheIndicatorsAskedForOnlyAsTheFullCountDoes() {
        ReportQuery year = new ReportQuery(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), null);
        for (Indicator indicator : Indicator.values()) {
            Map<Indicator, Map<String, Long>> alone = queries.count(year,
                    List.of(indicator, Indicator.UNIQUE_VICTIMS));

            assertThat(alone.get(indicator)).as(indicator.key()).isEqualTo(oneByOne(year).get(indicator));
        }
    }

    @Test
    void keepsAPeriodsCountsUntilTheReportingSchemaChanges() {
        ReportQuery query = new ReportQuery(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 5, 31), "64.71");
        long before = queries.count(query).get(Indicator.REPORTS).getOrDefault("", 0L);
        jdbc.sql("""
                insert into reporting.report (victim_id, person_id, office_code, case_id, case_number, report_date, source_file_id)
                values (9001, 9001, '64.71', 9001, 'C/9001', date '2022-04-01', 1)
                """).update();

        long kept = queries.count(query).get(Indicator.REPORTS).getOrDefault("", 0L);
        KeptPeriodCounts.bump(jdbc);
        Map<Indicator, Map<String, Long>> after = queries.count(query);

        assertThat(kept).isEqualTo(before);
        assertThat(after.get(Indicator.REPORTS)).containsEntry("", before + 1);
        assertThat(after).isEqualTo(oneByOne(query));
        jdbc.sql("delete from reporting.report where victim_id = 9001").update();
        KeptPeriodCounts.bump(jdbc);
    }

    /** Each indicator from its own pairs over the persons of the plain rules, as the spec reads. */
    private Map<Indicator, Map<String, Long>> oneByOne(ReportQuery query) {
        List<String> where = new ArrayList<>(List.of("true"));
        if (query.from() != null) {
            where.add("report_date >= '" + query.from() + "'");
        }
        if (query.to() != null) {
            where.add("report_date <= '" + query.to() + "'");
        }
        if (query.office() != null) {
            where.add("office_code = '" + query.office() + "'");
        }
        String with = "with r as (select * from reporting.report where " + String.join(" and ", where) + "),\n"
                + "p as (" + PersonRules.AGGREGATE.formatted("r") + ")\n";
        Map<Indicator, Map<String, Long>> cells = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            Map<String, Long> counts = new TreeMap<>();
            jdbc.sql(with + "select code, count(distinct unit) from (" + indicator.pairs() + ") x group by code")
                    .query(rs -> {
                        counts.put(rs.getString(1), rs.getLong(2));
                    });
            cells.put(indicator, counts);
        }
        return cells;
    }

    private static String[] some(Random random, String[] codes) {
        List<String> chosen = new ArrayList<>();
        for (String code : codes) {
            if (random.nextInt(3) == 0) {
                chosen.add(code);
            }
        }
        return chosen.toArray(String[]::new);
    }
}
