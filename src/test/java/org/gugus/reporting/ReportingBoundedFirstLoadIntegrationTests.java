package org.gugus.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A first load large enough for its persons to be resolved in bounded memory announces every person
 * changed; its rebuild takes the reports read ahead of those persons ({@link ReportsAhead}) and the person
 * rows written beside it ({@link PersonRowsAside}), as a smaller first load's refresh does, with the same
 * rows as a rebuild that reads the warehouse itself. Every load is bounded here, and the per-person facts beside are
 * written after the person rows, on their connection (as when no second connection is lent for them in time; the
 * other tests write them on a second one).
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.reporting.bulk-refresh-persons=1",
        "gugus.persons.resolution.bounded-from=1", "gugus.persons.resolution.group-records=40",
        "gugus.reporting.person-facts-aside=false"})
class ReportingBoundedFirstLoadIntegrationTests {

    /** The person tables' own ids: a table put in place of another has a new one. */
    private static final String PERSON_TABLES = """
            select string_agg(c.oid::text, ' ' order by c.oid) from pg_class c
             where c.oid in ('reporting.person'::regclass, 'reporting.person_fact'::regclass,
                             'reporting.office_person_fact'::regclass)
            """;

    /** The triggers of the report and report fact tables, each with its state and its definition. */
    private static final String TRIGGERS = """
            select string_agg(t.tgname || ' ' || t.tgenabled::text || ' ' || pg_get_triggerdef(t.oid), E'\\n' order by t.tgname)
              from pg_trigger t
             where t.tgrelid in ('reporting.report'::regclass, 'reporting.report_fact'::regclass) and not t.tgisinternal
            """;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportingRefresh refresh;

    @Autowired
    ReportsAhead ahead;

    @TempDir
    Path files;

    @Test
    void aFirstLoadResolvedInBoundedMemoryIsRebuiltFromTheReportsReadAheadAsReadingTheWarehouseWritesIt() {
        long copied = ahead.copied();
        String personTables = jdbc.sql(PERSON_TABLES).query(String.class).single();
        String triggers = jdbc.sql(TRIGGERS).query(String.class).single();

        reception.receive(TestWorkbooks.csv(files.resolve("smd.csv"),
                IntStream.rangeClosed(61, 74).mapToObj(TestWorkbooks::victim).toList()), "64.72", "smd.csv",
                FileSource.COMMAND_LINE);

        assertThat(jdbc.sql("select count(*) from reporting.report").query(Long.class).single())
                .as("every record reported").isEqualTo(14);
        assertThat(ahead.copied()).as("the rebuild after the persons copied the reports read ahead").isEqualTo(copied + 1);
        assertThat(jdbc.sql(PERSON_TABLES).query(String.class).single()).as("the person rows written beside put in place")
                .isNotEqualTo(personTables);
        assertThat(jdbc.sql(ReportingReadAheadIntegrationTests.LEFT).query(Long.class).single())
                .as("their tables put in place or dropped")
                .isZero();
        List<String> tables = ReportingTables.rows(jdbc);
        assertThat(tables).anyMatch(row -> row.startsWith("case_fact ")).anyMatch(row -> row.startsWith("person_fact "));
        // its month cells made in two parts, the cases', the reports' and the files before the person rows were put in
        // place, the persons' after
        List<String> cells = ReportingTables.monthCells(jdbc);
        assertThat(cells).anyMatch(row -> row.matches("month_cell 0 \\d+ \\d+ cases .*"))
                .anyMatch(row -> row.matches("month_cell 0 \\d+ \\d+ reports .*"))
                .anyMatch(row -> row.matches("month_cell 0 \\d+ \\d+ unique_victims .*"))
                .anyMatch(row -> row.startsWith("month_file "));
        refresh.rebuild();
        assertThat(ReportingTables.rows(jdbc)).as("every row as reading the warehouse writes it").isEqualTo(tables);
        assertThat(ReportingTables.monthCells(jdbc)).as("the month cells as a rebuild reading the warehouse makes them")
                .isEqualTo(cells);
        // both rebuilds set the insert triggers of their copies aside (their transition tables were filled even
        // disabled): the triggers are back as the migrations define them, and fire
        assertThat(jdbc.sql(TRIGGERS).query(String.class).single()).as("the triggers as the migrations define them")
                .isEqualTo(triggers).contains("report_facts_added O ", "person_facts_added O ", "case_facts_added O ");
        // a report deleted and written again by statements of their own (as a site's correction would): its facts,
        // its person's and its case's follow from the triggers, as they were
        jdbc.sql("""
                do $$
                declare
                    kept reporting.report;
                begin
                    select * into kept from reporting.report order by victim_id desc limit 1;
                    delete from reporting.report where victim_id = kept.victim_id;
                    insert into reporting.report select (kept).*;
                end
                $$
                """).update();
        assertThat(ReportingTables.rows(jdbc)).as("every row as the triggers wrote it again").isEqualTo(tables);
    }

    @Test
    void aFirstLoadResolvedInBoundedMemoryLeavesItsReportFactsInReportDateOrderAsClusteredOnTheirDate() {
        long copied = ahead.copied();
        // as before any rebuild of every person (the migrations leave the table unclustered)
        jdbc.sql("alter table reporting.report_fact set without cluster").update();
        // the later a record in the file, the earlier its report: the records' own order is not the dates'
        List<List<String>> rows = IntStream.rangeClosed(81, 94).mapToObj(n -> {
            List<String> row = TestWorkbooks.victim(n);
            row.set(2, "%02d/06/2024".formatted(100 - n));
            return row;
        }).toList();

        reception.receive(TestWorkbooks.csv(files.resolve("smd-dates.csv"), rows), "64.72", "smd-dates.csv",
                FileSource.COMMAND_LINE);

        assertThat(ahead.copied()).as("the rebuild after the persons copied the reports read ahead").isEqualTo(copied + 1);
        List<String> dates = jdbc.sql("select report_date::text from reporting.report_fact order by ctid")
                .query(String.class).list();
        assertThat(dates).as("the facts as the table holds them").hasSizeGreaterThanOrEqualTo(14).isSorted();
        assertThat(dates).as("several days").contains("2024-06-06", "2024-06-19");
        assertThat(jdbc.sql("""
                select indisclustered from pg_index where indexrelid = 'reporting.report_fact_date'::regclass
                """).query(Boolean.class).single()).as("the table marked clustered on the date index").isTrue();
    }
}
