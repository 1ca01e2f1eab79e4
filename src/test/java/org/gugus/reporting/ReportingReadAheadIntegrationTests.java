package org.gugus.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.system.PartTimes;
import org.gugus.warehouse.VictimsPublished;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A first load's reports are read from the warehouse while its persons are resolved
 * ({@link ReportsAhead}) and copied with their persons by the rebuild that follows; every refresh is
 * large enough to rebuild here. The rows are those the rebuild writes reading the warehouse itself.
 */
// no background warm-up: these tests empty the reporting tables themselves, and a warm-up's count, holding one table
// while it reads another, made that truncate the server's deadlock victim
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.reporting.bulk-refresh-persons=1",
        "gugus.reporting.warm-kept-counts=false"})
class ReportingReadAheadIntegrationTests {

    /**
     * Tables read ahead left beside the reporting tables, neither put in place nor dropped (also read by
     * {@link ReportingPersonRowsAsideIntegrationTests}).
     */
    static final String LEFT = "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname = 'reporting' and c.relname like '%\\_ahead'";

    /** The reporting tables read ahead, by their object ids: which tables hold the reporting rows. */
    private static final String REPORT_TABLES = """
            select string_agg(oid::text, ' ' order by relname) from pg_class
             where oid in ('reporting.report'::regclass, 'reporting.report_fact'::regclass,
                           'reporting.case_fact'::regclass, 'reporting.office_case_fact'::regclass)
            """;

    /** What defines the reporting tables read ahead but their ids: keys, indexes, triggers, grants, settings. */
    private static final String DEFINITIONS = """
            with t(oid) as (select unnest(array['reporting.report'::regclass, 'reporting.report_fact'::regclass,
                                                'reporting.case_fact'::regclass,
                                                'reporting.office_case_fact'::regclass]))
            select string_agg(d, E'\\n' order by d) from (
                select c.relname || ' ' || coalesce(c.relacl::text, '') || ' ' || coalesce(c.reloptions::text, '')
                       || ' ' || c.relpersistence::text d
                  from pg_class c join t on t.oid = c.oid
                union all
                select x.relname || ' ' || pg_get_indexdef(i.indexrelid) || ' ' || i.indisclustered
                  from pg_index i join t on t.oid = i.indrelid join pg_class x on x.oid = i.indexrelid
                union all
                select k.conname || ' ' || pg_get_constraintdef(k.oid) from pg_constraint k join t on t.oid = k.conrelid
                union all
                select pg_get_triggerdef(g.oid) || ' ' || g.tgenabled::text
                  from pg_trigger g join t on t.oid = g.tgrelid where not g.tgisinternal
                union all
                select a.attrelid::regclass || '.' || a.attname || ' ' || coalesce(a.attacl::text, '')
                  from pg_attribute a join t on t.oid = a.attrelid where a.attnum > 0 and a.attacl is not null) defined
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

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @TempDir
    Path files;

    @Test
    void theIndexesAReadLeftWhenARebuildWaitedForItAreBuiltByTheRebuildAsTheReportingTablesHaveThem() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            for (String table : ReportsInPlace.TABLES) {
                jdbc.sql("drop table if exists " + table + ReportsAhead.SUFFIX).update();
                TablesBeside.create(jdbc, table, ReportsAhead.SUFFIX, false);
            }
            // a rebuild waits for the rows once the read indexed the first table
            boolean[] waited = {false};
            ReportsInPlace.index(jdbc, () -> {
                boolean unwanted = !waited[0];
                waited[0] = true;
                return unwanted;
            });
            List<String> leftByTheRead = indexes("_ahead");

            ReportsInPlace.prepare(jdbc, new PartTimes());

            List<String> live = indexes("");
            assertThat(leftByTheRead).as("the first table's indexes alone built by the read").isNotEmpty()
                    .hasSizeLessThan(live.size());
            assertThat(indexes("_ahead")).as("every index of the reporting tables, the read's built once")
                    .isEqualTo(live).anyMatch(index -> index.contains("UNIQUE INDEX report_pkey "));
            status.setRollbackOnly();
        });
    }

    /** The index definitions of the reporting tables read ahead ({@code <table><suffix>}), as the tables' own. */
    private List<String> indexes(String suffix) {
        return jdbc.sql("""
                select regexp_replace(pg_get_indexdef(i.indexrelid), '_ahead\\M', '', 'g') || ' ' || i.indisclustered
                  from pg_index i
                 where i.indrelid in (select to_regclass(t || :suffix) from unnest(:tables::text[]) t)
                 order by 1
                """).param("suffix", suffix).param("tables", ReportsInPlace.TABLES.toArray(String[]::new))
                .query(String.class).list();
    }

    @Test
    void aFirstLoadsRebuildCopiesTheReportsReadWhileItsPersonsWereResolvedAsReadingTheWarehouseWritesThem() {
        // as before a first load, whichever tests ran before: reports are read ahead only while most records have none
        jdbc.sql("truncate reporting.report, reporting.person, reporting.tppo_case").update();
        long copied = ahead.copied();

        reception.receive(TestWorkbooks.csv(files.resolve("smd.csv"),
                IntStream.rangeClosed(1, 12).mapToObj(TestWorkbooks::victim).toList()), "64.72", "smd.csv",
                FileSource.COMMAND_LINE);

        assertThat(ahead.copied()).as("the rebuild after the load copied the reports read ahead").isEqualTo(copied + 1);
        assertThat(jdbc.sql(LEFT).query(Long.class).single()).as("their tables put in place or dropped").isZero();
        List<String> tables = ReportingTables.rows(jdbc);
        assertThat(tables).anyMatch(row -> row.startsWith("case_fact "))
                .anyMatch(row -> row.startsWith("office_person_fact "));
        refresh.rebuild();
        assertThat(ReportingTables.rows(jdbc)).as("every row as reading the warehouse writes it").isEqualTo(tables);
    }

    @Test
    void aPersonOfTwoRecordsReportedAheadUnderEachRecordIsReportedUnderHerPersonOnceTheTablesArePutInPlace() {
        jdbc.sql("truncate reporting.report, reporting.person, reporting.tppo_case").update();
        String definitions = jdbc.sql(DEFINITIONS).query(String.class).single();
        String tablesBefore = jdbc.sql(REPORT_TABLES).query(String.class).single();
        long copied = ahead.copied();
        List<List<String>> rows = new ArrayList<>(
                IntStream.rangeClosed(41, 48).mapToObj(TestWorkbooks::victim).toList());
        // the victim of row 41 again, in a case of her own: her second record's report is read ahead under its own id
        List<String> again = TestWorkbooks.victim(41);
        again.set(0, "49");
        again.set(1, "TPPO/SMD/9041");
        rows.add(again);

        reception.receive(TestWorkbooks.csv(files.resolve("twice.csv"), rows), "64.72", "twice.csv",
                FileSource.COMMAND_LINE);

        assertThat(ahead.copied()).as("the tables read ahead taken by the rebuild").isEqualTo(copied + 1);
        assertThat(jdbc.sql(REPORT_TABLES).query(String.class).single()).as("the reporting tables replaced")
                .isNotEqualTo(tablesBefore);
        assertThat(jdbc.sql("select count(*) from reporting.person where reports = 2").query(Long.class).single())
                .as("her two reports under one person").isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from reporting.report r join reporting.report_fact f using (victim_id)
                 where f.person_id <> r.person_id or r.person_id not in (select person_id from reporting.person)
                """).query(Long.class).single()).as("each fact under its report's person, each a person's").isZero();
        assertThat(jdbc.sql(DEFINITIONS).query(String.class).single())
                .as("the keys, indexes, triggers, grants and settings of the tables replaced").isEqualTo(definitions);
        assertThat(jdbc.sql(LEFT).query(Long.class).single()).as("their tables put in place or dropped").isZero();
        List<String> tables = ReportingTables.rows(jdbc);
        refresh.rebuild();
        assertThat(ReportingTables.rows(jdbc)).as("every row as reading the warehouse writes it").isEqualTo(tables);
    }

    @Test
    void reportsReadAheadAreCopiedInWhenAReportingTableCannotBeReplaced() {
        jdbc.sql("truncate reporting.report, reporting.person, reporting.tppo_case").update();
        String tablesBefore = jdbc.sql(REPORT_TABLES).query(String.class).single();
        long copied = ahead.copied();
        // a coordinator's view of the reports: the table it reads cannot be dropped
        jdbc.sql("create view reporting.reports_by_office as select office_code, count(*) n from reporting.report"
                + " group by office_code").update();
        try {
            reception.receive(TestWorkbooks.csv(files.resolve("view.csv"),
                    IntStream.rangeClosed(51, 56).mapToObj(TestWorkbooks::victim).toList()), "64.72", "view.csv",
                    FileSource.COMMAND_LINE);

            assertThat(ahead.copied()).as("the tables read ahead taken by the rebuild").isEqualTo(copied + 1);
            assertThat(jdbc.sql(REPORT_TABLES).query(String.class).single()).as("the reporting tables kept")
                    .isEqualTo(tablesBefore);
            assertThat(jdbc.sql("select sum(n) from reporting.reports_by_office").query(Long.class).single())
                    .as("the view reads the reports copied in")
                    .isEqualTo(jdbc.sql("select count(*) from persons.victim_person").query(Long.class).single());
            assertThat(jdbc.sql(LEFT).query(Long.class).single()).as("their tables dropped").isZero();
            List<String> tables = ReportingTables.rows(jdbc);
            refresh.rebuild();
            assertThat(ReportingTables.rows(jdbc)).as("every row as reading the warehouse writes it").isEqualTo(tables);
        } finally {
            jdbc.sql("drop view reporting.reports_by_office").update();
        }
    }

    @Test
    void reportsReadAheadAreNotCopiedWhenARecordIsNotLinkedWhenThePersonsChange() {
        reception.receive(TestWorkbooks.csv(files.resolve("bpp.csv"),
                IntStream.rangeClosed(21, 26).mapToObj(TestWorkbooks::victim).toList()), "64.71", "bpp.csv",
                FileSource.COMMAND_LINE);
        long fileId = jdbc.sql("select max(source_file_id) from warehouse.victim").query(Long.class).single();
        jdbc.sql("truncate reporting.report, reporting.person, reporting.tppo_case").update();
        long reads = ahead.reads();
        long copied = ahead.copied();
        // read ahead for a publish, then one record's link gone before the persons change
        ahead.start(VictimsPublished.ofFile(fileId, "64.71"));
        Map<String, Object> link = jdbc.sql("select * from persons.victim_person order by victim_id desc limit 1").query()
                .singleRow();
        try {
            jdbc.sql("delete from persons.victim_person where victim_id = ?").param(link.get("victim_id")).update();
            List<Long> persons = jdbc.sql("select distinct person_id from persons.victim_person").query(Long.class).list();

            refresh.refresh(persons);

            assertThat(ahead.reads()).as("the reports read ahead").isEqualTo(reads + 1);
            assertThat(ahead.copied()).as("but not copied").isEqualTo(copied);
            assertThat(jdbc.sql(LEFT).query(Long.class).single()).as("their tables put in place or dropped").isZero();
            assertThat(jdbc.sql("select count(*) from reporting.report where victim_id = ?").param(link.get("victim_id"))
                    .query(Long.class).single()).as("the record no longer linked is not reported").isZero();
            List<String> tables = ReportingTables.rows(jdbc);
            refresh.rebuild();
            assertThat(ReportingTables.rows(jdbc)).as("every row as reading the warehouse writes it").isEqualTo(tables);
        } finally {
            jdbc.sql("insert into persons.victim_person (victim_id, person_id, victim_version, resolved_at)"
                    + " values (?, ?, ?, ?)").params(link.get("victim_id"), link.get("person_id"),
                            link.get("victim_version"), link.get("resolved_at")).update();
        }
    }

    @Test
    void reportsReadAheadAreNotCopiedWhenARecordChangedAfterTheRead() {
        reception.receive(TestWorkbooks.csv(files.resolve("brt.csv"),
                IntStream.rangeClosed(31, 36).mapToObj(TestWorkbooks::victim).toList()), "64.03", "brt.csv",
                FileSource.COMMAND_LINE);
        long fileId = jdbc.sql("select max(source_file_id) from warehouse.victim").query(Long.class).single();
        jdbc.sql("truncate reporting.report, reporting.person, reporting.tppo_case").update();
        long reads = ahead.reads();
        long copied = ahead.copied();
        // read ahead for a publish, then a record changed (as another process's correction would) before the
        // persons change: the counts and links stay as they were
        ahead.start(VictimsPublished.ofFile(fileId, "64.03"));
        long victim = jdbc.sql("select max(id) from warehouse.victim where source_file_id = ?").param(fileId)
                .query(Long.class).single();
        String sex = jdbc.sql("select sex from warehouse.victim where id = ?").param(victim).query(String.class).single();
        String changed = "L".equals(sex) ? "P" : "L";
        awaitRead(reads + 1);
        jdbc.sql("update warehouse.victim set sex = ?, updated_at = now() where id = ?").params(changed, victim).update();
        List<Long> persons = jdbc.sql("select distinct person_id from persons.victim_person").query(Long.class).list();

        refresh.refresh(persons);

        assertThat(ahead.copied()).as("the reports read ahead not copied").isEqualTo(copied);
        assertThat(jdbc.sql(LEFT).query(Long.class).single()).as("their tables put in place or dropped").isZero();
        assertThat(jdbc.sql("select sex from reporting.report where victim_id = ?").param(victim).query(String.class)
                .single()).as("the record reported as changed").isEqualTo(changed);
        List<String> tables = ReportingTables.rows(jdbc);
        refresh.rebuild();
        assertThat(ReportingTables.rows(jdbc)).as("every row as reading the warehouse writes it").isEqualTo(tables);
    }

    @Test
    void reportsReadAheadAreNotCopiedWhenARecordChangedAfterTheReadKeepingItsVersionAndLatestUpdate() {
        long victim = readAheadThen("kbr.csv", "64.07", 51, fileId -> jdbc.sql("select max(id) from warehouse.victim"
                + " where source_file_id = ?").param(fileId).query(Long.class).single());
        String sex = jdbc.sql("select sex from warehouse.victim where id = ?").param(victim).query(String.class).single();
        String changed = "L".equals(sex) ? "P" : "L";
        long copied = ahead.copied();
        // as a statement that writes a value and nothing else would: the records' versions and latest updates as they were
        jdbc.sql("update warehouse.victim set sex = ? where id = ?").params(changed, victim).update();

        refresh.refresh(jdbc.sql("select distinct person_id from persons.victim_person").query(Long.class).list());

        assertThat(ahead.copied()).as("the reports read ahead not copied").isEqualTo(copied);
        assertThat(jdbc.sql("select sex from reporting.report where victim_id = ?").param(victim).query(String.class)
                .single()).as("the record reported as changed").isEqualTo(changed);
    }

    @Test
    void reportsReadAheadAreNotCopiedWhenACaseChangedAfterTheRead() {
        long caseId = readAheadThen("kti.csv", "64.08", 61, fileId -> jdbc.sql("select max(id) from warehouse.tppo_case"
                + " where source_file_id = ?").param(fileId).query(Long.class).single());
        long copied = ahead.copied();
        jdbc.sql("update warehouse.tppo_case set report_date = report_date - 1 where id = ?").param(caseId).update();
        String reported = jdbc.sql("select report_date::text from warehouse.tppo_case where id = ?").param(caseId)
                .query(String.class).single();

        refresh.refresh(jdbc.sql("select distinct person_id from persons.victim_person").query(Long.class).list());

        assertThat(ahead.copied()).as("the reports read ahead not copied").isEqualTo(copied);
        assertThat(jdbc.sql("select distinct report_date::text from reporting.report where case_id = ?").param(caseId)
                .query(String.class).list()).as("the case reported as changed").containsExactly(reported);
    }

    @Test
    void aReadAheadKeepsTheNotesOfChangesItsMarkCountsFew() {
        jdbc.sql("insert into warehouse.change_note select from generate_series(1, 12000)").update();

        readAheadThen("pnj.csv", "64.09", 71, fileId -> fileId);

        assertThat(jdbc.sql("select count(*) from warehouse.change_note").query(Long.class).single())
                .as("the latest 10,000 notes and those of the load's own statements").isBetween(10_000L, 10_100L);
        ahead.take().ifPresent(ReportsAhead.Read::close);
    }

    /**
     * Loads six records of {@code office} from victim {@code first}, empties the reporting tables, reads their reports
     * ahead as after the file's publish and returns what {@code after} gives of the file, once they are read.
     */
    private long readAheadThen(String file, String office, int first, LongUnaryOperator after) {
        reception.receive(TestWorkbooks.csv(files.resolve(file),
                IntStream.rangeClosed(first, first + 5).mapToObj(TestWorkbooks::victim).toList()), office, file,
                FileSource.COMMAND_LINE);
        long fileId = jdbc.sql("select max(source_file_id) from warehouse.victim").query(Long.class).single();
        jdbc.sql("truncate reporting.report, reporting.person, reporting.tppo_case").update();
        long reads = ahead.reads();
        ahead.start(VictimsPublished.ofFile(fileId, office));
        long found = after.applyAsLong(fileId);
        awaitRead(reads + 1);
        return found;
    }

    @Test
    void aPublishWhoseNewestRecordIsReportedReadsNoReportsAheadAndItsRefreshReadsTheWarehouse() {
        reception.receive(TestWorkbooks.csv(files.resolve("kkr.csv"),
                IntStream.rangeClosed(41, 46).mapToObj(TestWorkbooks::victim).toList()), "64.02", "kkr.csv",
                FileSource.COMMAND_LINE);
        long fileId = jdbc.sql("select max(source_file_id) from warehouse.victim").query(Long.class).single();
        // as after a re-delivery that inserted no record: the newest record reported; the others not (as a process
        // killed between a publish and its refresh would leave them), which the three tables' counts would read ahead
        jdbc.sql("delete from reporting.report where victim_id <> (select max(id) from warehouse.victim)").update();
        jdbc.sql("delete from reporting.person where person_id not in (select person_id from reporting.report)").update();
        long reads = ahead.reads();

        ahead.start(VictimsPublished.ofFile(fileId, "64.02"));

        assertThat(ahead.take()).as("no reports read ahead").isEmpty();
        assertThat(ahead.reads()).as("the reports read ahead").isEqualTo(reads);
        List<Long> persons = jdbc.sql("select distinct person_id from persons.victim_person").query(Long.class).list();
        refresh.refresh(persons);
        List<String> tables = ReportingTables.rows(jdbc);
        refresh.rebuild();
        assertThat(ReportingTables.rows(jdbc)).as("every row as reading the warehouse writes it").isEqualTo(tables);
    }

    @Test
    void theRecordsLeftUnreportedAreCountedNewestFirstOnlyUpToWhatTellsWhetherTheyAreEnough() throws SQLException {
        reception.receive(TestWorkbooks.csv(files.resolve("mahulu.csv"),
                IntStream.rangeClosed(81, 86).mapToObj(TestWorkbooks::victim).toList()), "64.11", "mahulu.csv",
                FileSource.COMMAND_LINE);
        // the reporting schema emptied, as before a first load: every record unreported, no person
        jdbc.sql("truncate reporting.report, reporting.person, reporting.tppo_case").update();
        long records = jdbc.sql("select count(*) from warehouse.victim").query(Long.class).single();

        try (Connection connection = dataSource.getConnection()) {
            WarehouseSource.Unreported few = WarehouseSource.unreported(connection, 2);
            WarehouseSource.Unreported all = WarehouseSource.unreported(connection, records + 10);

            assertThat(few.records()).as("counted up to the two asked for").isEqualTo(2);
            assertThat(all.records()).as("every record, fewer than asked for").isEqualTo(records);
            assertThat(all.persons()).as("the schema's persons").isZero();
            assertThat(all.mark()).as("the warehouse's mark").isEqualTo(few.mark());
        }
        refresh.rebuild();
    }

    /** Waits until the reads ahead reach {@code reads} (the change must land after the read). */
    private void awaitRead(long reads) {
        long until = System.nanoTime() + 60_000_000_000L;
        while (ahead.reads() < reads && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(ahead.reads()).as("the reports read ahead").isEqualTo(reads);
    }
}
