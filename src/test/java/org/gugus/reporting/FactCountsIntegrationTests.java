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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The count of a period from the report facts ({@link FactCounts}, facts kept by the triggers of
 * V053) against the direct query of each indicator from its own pairs over the reports, for random
 * reports (a seed each) written the ways the pipeline writes them: in one statement, then one by
 * one, some deleted, some rewritten; then random periods and offices, all indicators at once and
 * each alone.
 */
// no month cells made in the background: the counts without them are compared first
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.reporting.warm-kept-counts=false"})
class FactCountsIntegrationTests {

    private static final String[] OFFICES = {"64.71", "64.72", "64.02", "64.09"};
    private static final String[] REGIONS = {null, "64.72", "63.71", "64.71", "52.01"};
    private static final String[] COUNTRIES = {null, "MY", "TW", "SA", "ID"};
    private static final String[] STAGES = {null, "DIHENTIKAN", "LAPORAN", "PENYELIDIKAN", "PENYIDIKAN", "PUTUSAN",
            "TIDAK_DILAPORKAN"};
    private static final String[] EXPLOITATION = {"SEKSUAL", "KERJA_PAKSA", "PRT", "ABK", "LAINNYA", "ORGAN"};
    private static final String[] RECRUITMENT = {"TAWARAN_KERJA", "DARING", "JERATAN_UTANG"};
    private static final String[] SERVICES = {"PENGADUAN", "KESEHATAN", "PEMULANGAN", "RESTITUSI"};

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IndicatorQueries queries;

    @Autowired
    KeptCountsWarmer warmer;

    @Autowired
    MonthCells monthCells;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void countsRandomPeriodsAndOfficesFromTheFactsAsTheDirectQueryOfEachIndicator(long seed) {
        Random random = new Random(seed);
        jdbc.sql("truncate reporting.report").update();
        jdbc.sql("create table if not exists staged_report (like reporting.report)").update();
        jdbc.sql("truncate staged_report").update();
        for (int victim = 1; victim <= 300; victim++) {
            insert("staged_report", victim, random);
        }
        jdbc.sql("insert into reporting.report select * from staged_report").update();
        for (int victim = 301; victim <= 360; victim++) {
            insert("reporting.report", victim, random);
        }
        for (int i = 0; i < 30; i++) {
            jdbc.sql("delete from reporting.report where victim_id = ?").param((long) 1 + random.nextInt(360)).update();
        }
        jdbc.sql("""
                update reporting.report set person_id = 1 + (victim_id * 7) % 90, report_date = report_date + 40,
                       exploitation = array['PENGEMIS'], destination_country = 'JP', office_code = '64.08'
                 where victim_id % 11 = ?
                """).param(random.nextInt(11)).update();
        KeptPeriodCounts.bump(jdbc);
        // the persons of every period from the per-person facts and the straddling ones' report facts
        compareRandomPeriodsAndOffices(seed, random, false);

        // then those of whole months from the month cells
        KeptPeriodCounts.bump(jdbc);
        monthCells.make();
        assertThat(monthCells.made(jdbc.sql("select generation from reporting.generation").query(Long.class).single())).isTrue();
        compareRandomPeriodsAndOffices(seed, random, true);
    }

    private void compareRandomPeriodsAndOffices(long seed, Random random, boolean withMonthCells) {
        for (int i = 0; i < 12; i++) {
            LocalDate from = i % 5 == 0 ? null : LocalDate.of(2021, 1, 1).plusDays(random.nextInt(3 * 365));
            LocalDate to = i % 4 == 0 ? null : (from == null ? LocalDate.of(2022, 6, 1) : from).plusDays(random.nextInt(600));
            if (from != null && i % 2 == 1) {
                // periods of whole months at one end or both
                from = from.withDayOfMonth(1);
                to = to == null || i % 3 == 1 ? to : to.withDayOfMonth(to.lengthOfMonth());
            }
            String office = i % 3 == 0 ? OFFICES[random.nextInt(OFFICES.length)] : null;
            ReportQuery query = new ReportQuery(from, to, office == null && from == null && to == null ? "64.08" : office);

            Map<Indicator, Map<String, Long>> direct = direct(query);
            assertThat(queries.count(query)).as("seed %d, %s", seed, query).isEqualTo(direct);
            if (i == 1) {
                // each indicator alone, counted afresh, makes only its own aggregates
                KeptPeriodCounts.bump(jdbc);
                if (withMonthCells) {
                    monthCells.make();
                }
                for (Indicator indicator : Indicator.values()) {
                    assertThat(queries.count(query, List.of(indicator)).get(indicator)).as("seed %d, %s, %s", seed, query,
                            indicator.key()).isEqualTo(direct.get(indicator));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void keepsTheAllTimeCountsFromThePersonFactsAsTheDirectQueryOfEachIndicator(long seed) {
        Random random = reportsAtRandom(seed);
        ReportQuery everything = new ReportQuery(null, null, null);
        List<Indicator> counted = allTimeIndicators();

        AllTimeCounts.recount(jdbc);
        Map<Indicator, Map<String, Long>> direct = direct(everything);
        direct.remove(Indicator.CASES);
        assertThat(AllTimeCounts.read(jdbc, counted)).as("seed %d, a recount", seed).isEqualTo(direct);

        // a refresh takes the persons' cells away before their reports change and adds them afterwards
        Long[] persons = jdbc.sql("select distinct person_id from reporting.report where person_id % 4 = ?")
                .param(random.nextInt(4)).query(Long.class).list().toArray(Long[]::new);
        AllTimeCounts.add(jdbc, -1, persons, new Long[0]);
        jdbc.sql("""
                update reporting.report set office_code = '64.08', exploitation = array['PENGEMIS'], birth_date = null,
                       age = 15, report_date = report_date - 400
                 where person_id = any(:persons) and victim_id % 3 = 0
                """).param("persons", persons).update();
        jdbc.sql("delete from reporting.report where person_id = any(:persons) and victim_id % 7 = 0").param("persons", persons)
                .update();
        AllTimeCounts.add(jdbc, 1, persons, new Long[0]);
        direct = direct(everything);
        direct.remove(Indicator.CASES);
        assertThat(AllTimeCounts.read(jdbc, counted)).as("seed %d, after a refresh", seed).isEqualTo(direct);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void sumsTheAllTimeCountsOfPersonsFromTheMonthCellsAsTheDirectQueryOfEachIndicator(long seed) {
        reportsAtRandom(seed);
        KeptPeriodCounts.bump(jdbc);
        monthCells.make();
        long generation = jdbc.sql("select generation from reporting.generation").query(Long.class).single();

        AllTimeCounts.recountFromMonthCells(jdbc, generation);

        Map<Indicator, Map<String, Long>> direct = direct(new ReportQuery(null, null, null));
        direct.remove(Indicator.CASES);
        assertThat(AllTimeCounts.read(jdbc, allTimeIndicators())).as("seed %d, summed from the month cells", seed)
                .isEqualTo(direct);
    }

    /** 300 reports drawn from {@code seed} in place of the reporting schema's; returns the generator drawn from. */
    private Random reportsAtRandom(long seed) {
        Random random = new Random(seed);
        jdbc.sql("truncate reporting.report").update();
        for (int victim = 1; victim <= 300; victim++) {
            insert("reporting.report", victim, random);
        }
        return random;
    }

    /** The indicators the all-time counts keep, but the cases: counted from a table these reports leave empty. */
    private static List<Indicator> allTimeIndicators() {
        return List.of(Indicator.values()).stream().filter(indicator -> indicator != Indicator.CASES).toList();
    }

    @Test
    void countsAPersonStraddlingAnEdgeByHerReportsInsideThePeriodOnly() {
        jdbc.sql("truncate reporting.report").update();
        // person 1: a man of 17 with a verdict in December 2023, reported as a woman of 18 in 2024, by
        // another office in another case; person 2: every report inside 2024 (month cells); person 3:
        // inside, in the partial last month
        report(1, 1, "64.71", 1, "2023-12-31", "L", "2006-06-01", "PUTUSAN", "SEKSUAL");
        report(2, 1, "64.72", 2, "2024-01-02", "P", null, "LAPORAN", "PRT");
        report(3, 2, "64.72", 3, "2024-03-05", "P", null, "PENYIDIKAN", "ABK");
        report(4, 2, "64.72", 3, "2024-04-05", "P", null, "PENYIDIKAN", "ABK");
        report(5, 3, "64.71", 4, "2024-12-20", "L", "2010-01-01", "LAPORAN", "SEKSUAL");
        report(6, 1, "64.72", 2, "2025-02-01", "P", null, "PUTUSAN", "KERJA_PAKSA");
        KeptPeriodCounts.bump(jdbc);
        monthCells.make();

        ReportQuery year = new ReportQuery(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 25), null);
        Map<Indicator, Map<String, Long>> counted = queries.count(year);

        assertThat(counted).isEqualTo(direct(year));
        assertThat(counted.get(Indicator.UNIQUE_VICTIMS)).containsExactly(Map.entry("", 3L));
        assertThat(counted.get(Indicator.BY_SEX)).containsExactlyInAnyOrderEntriesOf(Map.of("L", 1L, "P", 2L));
        assertThat(counted.get(Indicator.BY_CASE_STAGE)).containsExactlyInAnyOrderEntriesOf(Map.of("LAPORAN", 2L,
                "PENYIDIKAN", 1L));
        assertThat(counted.get(Indicator.BY_EXPLOITATION)).containsExactlyInAnyOrderEntriesOf(Map.of("PRT", 1L, "ABK", 1L,
                "SEKSUAL", 1L));
        assertThat(counted.get(Indicator.MULTI_OFFICE_VICTIMS)).isEmpty();
        // her age at her first report in the period: 18 as written there, not 17 from the birth date outside
        assertThat(counted.get(Indicator.CHILDREN)).containsExactly(Map.entry("", 1L));
        assertThat(counted.get(Indicator.BY_MONTH)).containsExactlyInAnyOrderEntriesOf(Map.of("2024-01", 1L, "2024-03", 1L,
                "2024-12", 1L));
    }

    @Test
    void countsTheCasesAndFilesOfAPeriodByTheirReportsInsideIt() {
        jdbc.sql("truncate reporting.report").update();
        // case 1 holds both edges of the period with no report inside, case 2 both with one inside;
        // case 3 straddles its first edge, case 4 its last; case 5 lies in a whole month, case 6 in the
        // partial last month, case 7 after the period
        caseReport(1, 1, "64.71", "2023-12-31", 1);
        caseReport(2, 1, "64.71", "2025-02-01", 1);
        caseReport(3, 2, "64.71", "2023-12-31", 2);
        caseReport(4, 2, "64.72", "2024-06-01", 3);
        caseReport(5, 2, "64.71", "2025-02-01", 2);
        caseReport(6, 3, "64.72", "2023-12-20", 2);
        caseReport(7, 3, "64.72", "2024-01-10", 4);
        caseReport(8, 4, "64.71", "2024-12-20", 5);
        caseReport(9, 4, "64.71", "2025-01-05", 6);
        caseReport(10, 5, "64.72", "2024-03-05", 7);
        caseReport(11, 6, "64.71", "2024-12-22", 8);
        caseReport(12, 7, "64.71", "2024-12-28", 9);
        KeptPeriodCounts.bump(jdbc);
        monthCells.make();
        ReportQuery period = new ReportQuery(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 25), null);
        ReportQuery office = new ReportQuery(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 25), "64.71");

        assertThat(queries.count(period, List.of(Indicator.CASES, Indicator.REPORTS)))
                .containsEntry(Indicator.CASES, Map.of("", 5L)).containsEntry(Indicator.REPORTS, Map.of("", 5L));
        assertThat(queries.sourceFiles(period)).containsExactly(3L, 4L, 5L, 7L, 8L);
        // of one office: case 2's reports of that office hold both edges, its report inside is another office's
        assertThat(queries.count(office, List.of(Indicator.CASES, Indicator.REPORTS)))
                .containsEntry(Indicator.CASES, Map.of("", 2L)).containsEntry(Indicator.REPORTS, Map.of("", 2L));
        assertThat(queries.sourceFiles(office)).containsExactly(5L, 8L);
        assertThat(queries.count(period)).isEqualTo(direct(period));
        assertThat(queries.count(office)).isEqualTo(direct(office));
    }

    private void caseReport(long victim, long caseId, String office, String date, long file) {
        jdbc.sql("""
                insert into reporting.report (victim_id, person_id, office_code, case_id, case_number, report_date, sex, age,
                       citizenship, exploitation, recruitment, services, source_file_id)
                values (:victim, :victim, :office, :caseId, 'C/' || :caseId, :date::date, 'P', 30, 'WNI', '{}', '{}', '{}', :file)
                """).param("victim", victim).param("office", office).param("caseId", caseId).param("date", date)
                .param("file", file).update();
    }

    private void report(long victim, long person, String office, long caseId, String date, String sex, String birth,
            String stage, String exploitation) {
        jdbc.sql("""
                insert into reporting.report (victim_id, person_id, office_code, case_id, case_number, report_date, sex, birth_date,
                       age, citizenship, case_stage, exploitation, recruitment, services, source_file_id)
                values (:victim, :person, :office, :caseId, 'C/' || :caseId, :date::date, :sex, :birth::date, 18, 'WNI', :stage,
                       array[:exploitation], '{}', '{}', 1)
                """).param("victim", victim).param("person", person).param("office", office).param("caseId", caseId)
                .param("date", date).param("sex", sex).param("birth", birth).param("stage", stage)
                .param("exploitation", exploitation).update();
    }

    @Test
    void countsAheadThisYearLastYearAndEachOfficesAllTimeReport() {
        jdbc.sql("truncate reporting.report").update();
        insert("reporting.report", 1, new Random(7));

        List<ReportQuery> usual = warmer.usual(LocalDate.of(2025, 3, 14));

        String office = jdbc.sql("select office_code from reporting.report").query(String.class).single();
        assertThat(usual).startsWith(new ReportQuery(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null),
                new ReportQuery(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null))
                .contains(new ReportQuery(null, null, office));
    }

    private void insert(String table, long victim, Random random) {
        // persons with one report and persons with several, some on the same date (ties by record id)
        long person = 1 + random.nextInt(120);
        LocalDate date = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(4 * 365) / (victim % 5 == 0 ? 40 : 1));
        jdbc.sql("""
                insert into %s (victim_id, person_id, office_code, case_id, case_number, report_date, sex, birth_date, age,
                       origin_regency_code, citizenship, destination_country, case_stage, exploitation, recruitment, services,
                       source_file_id)
                values (:victim, :person, :office, :caseId, 'C/' || :caseId, :date, :sex, :birth, :age, :origin, :citizenship,
                       :destination, :stage, :exploitation, :recruitment, :services, :file)
                """.formatted(table))
                .param("victim", victim).param("person", person)
                .param("office", OFFICES[random.nextInt(OFFICES.length)]).param("caseId", (long) 1 + random.nextInt(150))
                .param("date", date).param("sex", random.nextInt(5) == 0 ? null : random.nextBoolean() ? "L" : "P")
                .param("birth", random.nextInt(3) == 0 ? LocalDate.of(1960, 1, 1).plusDays(random.nextInt(22000)) : null)
                .param("age", random.nextInt(6) == 0 ? null : random.nextInt(80))
                .param("origin", REGIONS[random.nextInt(REGIONS.length)])
                .param("citizenship", random.nextInt(6) == 0 ? null : "WNI")
                .param("destination", COUNTRIES[random.nextInt(COUNTRIES.length)])
                .param("stage", STAGES[random.nextInt(STAGES.length)])
                .param("exploitation", some(random, EXPLOITATION)).param("recruitment", some(random, RECRUITMENT))
                .param("services", some(random, SERVICES)).param("file", (long) 1 + random.nextInt(3)).update();
    }

    /** Each indicator from its own pairs over the reports and the persons of the plain rules, as the spec reads. */
    private Map<Indicator, Map<String, Long>> direct(ReportQuery query) {
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
