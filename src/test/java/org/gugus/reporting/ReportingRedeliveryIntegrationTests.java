package org.gugus.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.persons.PersonsChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A re-delivery refreshes the reporting rows that differ from their copy only: a record delivered
 * again with the values it had changes the file behind its report and nothing else; a changed value
 * rewrites its person and case, and every row ends as a rebuild writes it.
 */
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class ReportingRedeliveryIntegrationTests {

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ReportingRefresh refresh;

    @Autowired
    PlatformTransactionManager transactionManager;

    @TempDir
    Path files;

    @Test
    void aRedeliveryWhoseChangesNoReportReadsUpdatesOnlyTheFileOfItsRecords() {
        List<List<String>> rows = victims(101, 103);
        reception.receive(TestWorkbooks.csv(files.resolve("kubar-06.csv"), rows), "64.07", "kubar-06.csv",
                FileSource.COMMAND_LINE);
        Set<Long> persons = personsOf(rows);
        List<String> written = ReportingTables.written(jdbc);

        rows.get(1).set(14, "pindah ke rumah aman kedua");  // a note: no report reads it
        reception.receive(TestWorkbooks.csv(files.resolve("kubar-07.csv"), rows), "64.07", "kubar-07.csv",
                FileSource.COMMAND_LINE);
        events.publishEvent(new PersonsChanged(persons, false));

        assertThat(ReportingTables.written(jdbc)).as("no person row written again").isEqualTo(written);
        assertThat(jdbc.sql("""
                select r.case_number || ' ' || f.original_name || ' ' || (x.source_file_id = r.source_file_id)
                  from reporting.report r join ingest.received_file f on f.id = r.source_file_id
                  join reporting.report_fact x using (victim_id)
                 where r.office_code = '64.07' order by 1
                """).query(String.class).list()).containsExactly("TPPO/SMD/0101 kubar-06.csv true",
                "TPPO/SMD/0102 kubar-07.csv true", "TPPO/SMD/0103 kubar-06.csv true");
        List<String> tables = ReportingTables.rows(jdbc);
        long generation = generation();
        events.publishEvent(new PersonsChanged(persons, false));
        assertThat(generation()).as("nothing changed: the counts kept for periods stay valid").isEqualTo(generation);
        refresh.rebuild();
        assertThat(ReportingTables.rows(jdbc)).isEqualTo(tables);
    }

    @Test
    void aRedeliveryThatChangesAReportedValueRewritesThatPersonAndHerCaseAsARebuildWould() {
        List<List<String>> rows = victims(201, 203);
        reception.receive(TestWorkbooks.csv(files.resolve("ktb-06.csv"), rows), "64.09", "ktb-06.csv",
                FileSource.COMMAND_LINE);
        Set<Long> persons = personsOf(rows);
        long two = TestLinkage.linkByNik(jdbc, events).get(rows.get(1).get(4));
        List<String> written = ReportingTables.written(jdbc);
        long generation = generation();

        rows.get(1).set(12, "Putusan");
        rows.get(1).set(9, "Kerja Paksa");
        reception.receive(TestWorkbooks.csv(files.resolve("ktb-07.csv"), rows), "64.09", "ktb-07.csv",
                FileSource.COMMAND_LINE);
        events.publishEvent(new PersonsChanged(persons, false));

        assertThat(generation()).isGreaterThan(generation);
        List<String> rewritten = ReportingTables.written(jdbc);
        assertThat(rewritten).as("only her person row written again").hasSameSizeAs(written)
                .filteredOn(row -> !row.startsWith(two + " ")).isSubsetOf(written);
        assertThat(rewritten).filteredOn(row -> row.startsWith(two + " ")).doesNotContainAnyElementsOf(written);
        assertThat(jdbc.sql("select case_stage || ' ' || exploitation::text from reporting.person where person_id = ?")
                .param(two).query(String.class).single()).isEqualTo("PUTUSAN {KERJA_PAKSA}");
        List<String> refreshed = ReportingTables.rows(jdbc);
        refresh.rebuild();
        assertThat(ReportingTables.rows(jdbc)).isEqualTo(refreshed);
    }

    @Test
    void aCaseWhoseStageOneVictimsRowChangedReportsTheNewStageForEveryVictimOfIt() {
        List<List<String>> rows = victims(301, 302);
        rows.get(1).set(1, rows.get(0).get(1));  // two victims of one case
        reception.receive(TestWorkbooks.csv(files.resolve("bontang-06.csv"), rows), "64.74", "bontang-06.csv",
                FileSource.COMMAND_LINE);
        Map<String, Long> persons = TestLinkage.linkByNik(jdbc, events);

        rows.get(1).set(12, "Putusan");  // the case goes to its verdict, told by the second victim's row
        reception.receive(TestWorkbooks.csv(files.resolve("bontang-07.csv"), rows), "64.74", "bontang-07.csv",
                FileSource.COMMAND_LINE);
        // the persons resolution names the person of the changed record only
        events.publishEvent(new PersonsChanged(Set.of(persons.get(rows.get(1).get(4))), false));

        assertThat(jdbc.sql("select case_stage from reporting.report where office_code = '64.74' order by victim_id")
                .query(String.class).list()).containsExactly("PUTUSAN", "PUTUSAN");
        assertThat(jdbc.sql("select case_stage from reporting.person where person_id = ?")
                .param(persons.get(rows.get(0).get(4))).query(String.class).single()).isEqualTo("PUTUSAN");
        List<String> refreshed = ReportingTables.rows(jdbc);
        refresh.rebuild();
        assertThat(ReportingTables.rows(jdbc)).isEqualTo(refreshed);
    }

    @Test
    void aMergeLeavesNoPersonFactsWithThePersonWhoseRecordsMovedAsARebuildWould() {
        List<List<String>> rows = victims(401, 402);
        reception.receive(TestWorkbooks.csv(files.resolve("kukar-06.csv"), rows), "64.08", "kukar-06.csv",
                FileSource.COMMAND_LINE);
        Map<String, Long> persons = TestLinkage.linkByNik(jdbc, events);
        long kept = persons.get(rows.get(0).get(4));
        long merged = persons.get(rows.get(1).get(4));

        // linkage finds both are one woman: the second's record moves to the first (a row deleted from her facts)
        jdbc.sql("update persons.person set merged_into = ?, merged_at = now() where id = ?").params(kept, merged).update();
        jdbc.sql("update persons.victim_person set person_id = ? where person_id = ?").params(kept, merged).update();
        events.publishEvent(new PersonsChanged(Set.of(kept, merged), false));

        assertThat(jdbc.sql("""
                select count(*) from (select person_id from reporting.person_fact union all
                                      select person_id from reporting.office_person_fact) f where person_id = ?
                """).param(merged).query(Long.class).single()).as("the merged person's facts").isZero();
        List<String> refreshed = ReportingTables.rows(jdbc);
        refresh.rebuild();
        assertThat(ReportingTables.rows(jdbc)).isEqualTo(refreshed);
    }

    @Test
    void aRecordNoLongerLinkedLeavesNoFactsWithItsPersonOrCaseAsARebuildWould() {
        List<List<String>> rows = victims(501, 502);
        reception.receive(TestWorkbooks.csv(files.resolve("paser-06.csv"), rows), "64.01", "paser-06.csv",
                FileSource.COMMAND_LINE);
        Map<String, Long> persons = TestLinkage.linkByNik(jdbc, events);
        long person = persons.get(rows.get(1).get(4));

        // her one record leaves the persons (its report row is deleted, with the only report of its case)
        jdbc.sql("delete from persons.victim_person where person_id = ?").param(person).update();
        events.publishEvent(new PersonsChanged(Set.of(person), false));

        assertThat(jdbc.sql("""
                select count(*) from (select case_id from reporting.case_fact union all
                                      select case_id from reporting.office_case_fact) c
                 where not exists (select 1 from reporting.report_fact f where f.case_id = c.case_id)
                """).query(Long.class).single()).as("facts of cases without reports").isZero();
        assertThat(jdbc.sql("select count(*) from reporting.person_fact where person_id = ?").param(person)
                .query(Long.class).single()).as("her facts").isZero();
        List<String> refreshed = ReportingTables.rows(jdbc);
        refresh.rebuild();
        assertThat(ReportingTables.rows(jdbc)).isEqualTo(refreshed);
    }

    @Test
    void aRefreshOfAFewPersonsReadsTheReportingTablesThroughTheirIndexesOnlyAndPutsTheSettingBack() {
        List<List<String>> rows = victims(601, 603);
        receive(rows, "64.01", "paser-16.csv");
        Set<Long> persons = personsOf(rows);

        rows.get(1).set(12, "Putusan");  // the case of the second goes to its verdict
        receive(rows, "64.01", "paser-17.csv");
        // on the refresh's own connection, in its transaction: the tables it read whole (the backend's counts, which
        // may hold its earlier transactions' scans too, before and after), and the setting after it
        List<String> readWhole = new TransactionTemplate(transactionManager).execute(status -> {
            Map<String, Long> before = wholeReads();
            refresh.refresh(persons);
            assertThat(jdbc.sql("select current_setting('enable_seqscan')").query(String.class).single()).isEqualTo("on");
            Map<String, Long> after = wholeReads();
            return after.keySet().stream().filter(table -> after.get(table) > before.get(table)).toList();
        });

        assertThat(readWhole).isEmpty();
        assertThat(jdbc.sql("select case_stage from reporting.report where office_code = '64.01' order by victim_id")
                .query(String.class).list()).contains("PUTUSAN");
        List<String> refreshed = ReportingTables.rows(jdbc);
        refresh.rebuild();
        assertThat(ReportingTables.rows(jdbc)).isEqualTo(refreshed);
    }

    /** How often this connection read each large reporting table whole (sequentially). */
    private Map<String, Long> wholeReads() {
        Map<String, Long> reads = new TreeMap<>();
        jdbc.sql("""
                select relname, seq_scan from pg_stat_xact_user_tables
                 where schemaname = 'reporting'
                   and relname in ('report', 'report_fact', 'person', 'person_fact', 'office_person_fact',
                                   'tppo_case', 'case_fact', 'office_case_fact')
                """).query(rs -> {
                    reads.put(rs.getString(1), rs.getLong(2));
                });
        return reads;
    }

    private void receive(List<List<String>> rows, String office, String name) {
        reception.receive(TestWorkbooks.csv(files.resolve(name), rows), office, name, FileSource.COMMAND_LINE);
    }

    private static List<List<String>> victims(int first, int last) {
        List<List<String>> rows = new ArrayList<>();
        for (int n = first; n <= last; n++) {
            rows.add(TestWorkbooks.victim(n));
        }
        return rows;
    }

    /** The persons linkage made of these rows (by their NIKs). */
    private Set<Long> personsOf(List<List<String>> rows) {
        Map<String, Long> persons = TestLinkage.linkByNik(jdbc, events);
        return rows.stream().map(row -> persons.get(row.get(4))).collect(Collectors.toSet());
    }

    private long generation() {
        return jdbc.sql("select generation from reporting.generation").query(Long.class).single();
    }
}
