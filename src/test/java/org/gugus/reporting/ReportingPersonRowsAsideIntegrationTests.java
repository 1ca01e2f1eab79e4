package org.gugus.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.warehouse.VictimsPublished;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A first load's person rows and per-person facts are written on a second connection from the reports
 * read ahead ({@link ReportsAhead}) into tables beside ({@link PersonRowsAside}) and put in place of
 * the rebuild's: the same rows, keys, indexes, grants and storage as a rebuild on one connection
 * writes and keeps; when writing them beside fails, the rebuild writes them itself; what a killed run
 * left (tables beside, rows read ahead) is neither kept nor used.
 */
// no background warm-up: these tests empty the reporting tables themselves, and a warm-up's count, holding one table
// while it reads another, made that truncate the server's deadlock victim
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.reporting.bulk-refresh-persons=1",
        "gugus.reporting.warm-kept-counts=false"})
class ReportingPersonRowsAsideIntegrationTests {

    private static final String TABLES = "('reporting.person'::regclass, 'reporting.person_fact'::regclass,"
            + " 'reporting.office_person_fact'::regclass)";

    /** What a table replaced must keep: its keys and indexes, grants (of the table and its columns) and storage. */
    private static final String CATALOGUE = """
            select c.relname || ' ' || c.relpersistence::text || ' ' || coalesce(c.relacl::text, '') || ' '
                   || coalesce(c.reloptions::text, '')
              from pg_class c where c.oid in TABLES
            union all
            select c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
              from pg_constraint c where c.conrelid in TABLES
            union all
            select i.indrelid::regclass::text || ' ' || pg_get_indexdef(i.indexrelid) || ' ' || i.indisclustered
              from pg_index i where i.indrelid in TABLES
            union all
            select a.attrelid::regclass::text || ' ' || a.attname || ' ' || a.attacl::text
              from pg_attribute a where a.attrelid in TABLES and a.attacl is not null
            order by 1
            """.replace("TABLES", TABLES);

    /** The tables' own ids: a table put in place of another has a new one. */
    private static final String IDS = "select string_agg(c.oid::text, ' ' order by c.oid) from pg_class c where c.oid in "
            + TABLES;

    private static final String BESIDE = "select count(*) from pg_class where relname in ('person_next', 'person_fact_next',"
            + " 'office_person_fact_next') and relnamespace = 'reporting'::regnamespace";

    private static final String SCRATCH_ROWS = ReportingReadAheadIntegrationTests.LEFT;

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

    @TempDir
    Path files;

    @BeforeEach
    void load() {
        if (jdbc.sql("select count(*) from warehouse.victim").query(Long.class).single() == 0) {
            reception.receive(TestWorkbooks.csv(files.resolve("smd.csv"),
                    IntStream.rangeClosed(41, 52).mapToObj(TestWorkbooks::victim).toList()), "64.72", "smd.csv",
                    FileSource.COMMAND_LINE);
        }
    }

    @Test
    void personRowsWrittenBesideAreTheRowsKeysIndexesAndGrantsOfARebuildOnOneConnection() {
        refresh.rebuild();
        List<String> oneConnection = ReportingTables.rows(jdbc);
        List<String> catalogue = jdbc.sql(CATALOGUE).query(String.class).list();
        String ids = jdbc.sql(IDS).query(String.class).single();
        long copied = ahead.copied();

        refreshReadingAhead();

        assertThat(ahead.copied()).as("the rows read ahead copied").isEqualTo(copied + 1);
        assertThat(jdbc.sql(IDS).query(String.class).single()).as("the tables written beside put in place")
                .isNotEqualTo(ids);
        assertThat(jdbc.sql(CATALOGUE).query(String.class).list()).as("keys, indexes, grants and storage kept")
                .isEqualTo(catalogue).anyMatch(row -> row.contains("PRIMARY KEY (person_id)"))
                .anyMatch(row -> row.contains("PRIMARY KEY (person_id, office)"))
                .anyMatch(row -> row.contains("USING gist"));
        // the read-only role's grants, where the migrating user could create that role (not on a site's server
        // whose Gugus user may not create roles: there the tables have no grant to keep)
        if (jdbc.sql("select exists (select 1 from pg_roles where rolname = 'gugus_reporting')")
                .query(Boolean.class).single()) {
            assertThat(jdbc.sql(CATALOGUE).query(String.class).list()).as("the read-only role's grants kept")
                    .anyMatch(row -> row.contains("gugus_reporting"));
        }
        assertThat(ReportingTables.rows(jdbc)).as("every row as a rebuild on one connection writes it")
                .anyMatch(row -> row.startsWith("person "))
                .anyMatch(row -> row.startsWith("office_person_fact "))
                .isEqualTo(oneConnection);
        assertThat(jdbc.sql(BESIDE).query(Long.class).single()).as("no table left beside").isZero();
        assertThat(jdbc.sql(SCRATCH_ROWS).query(Long.class).single())
                .as("the tables read ahead put in place or dropped")
                .isZero();
    }

    @Test
    void aFailureBesideTheRebuildLeavesItToWriteThePersonRowsItself() {
        refresh.rebuild();
        List<String> oneConnection = ReportingTables.rows(jdbc);
        String ids = jdbc.sql(IDS).query(String.class).single();
        long copied = ahead.copied();
        // the second connection's first statement, dropping a table a killed rebuild left beside, fails on a view
        jdbc.sql("create view reporting.person_next as select 1 as one").update();
        try {
            refreshReadingAhead();

            assertThat(ahead.copied()).as("the rows read ahead copied").isEqualTo(copied + 1);
            assertThat(jdbc.sql(IDS).query(String.class).single()).as("the tables kept").isEqualTo(ids);
            assertThat(ReportingTables.rows(jdbc)).as("every row as a rebuild on one connection writes it")
                    .anyMatch(row -> row.startsWith("person_fact ")).isEqualTo(oneConnection);
        } finally {
            jdbc.sql("drop view reporting.person_next").update();
        }
    }

    @Test
    void aViewOfTheTablesReplacedLeavesTheRebuildToWriteThePersonRowsItself() {
        refresh.rebuild();
        List<String> oneConnection = ReportingTables.rows(jdbc);
        String ids = jdbc.sql(IDS).query(String.class).single();
        long copied = ahead.copied();
        // a coordinator's view of the person rows, which the replaced table's drop would have to drop too
        jdbc.sql("create schema coordinator").update();
        jdbc.sql("create view coordinator.persons as select person_id from reporting.person").update();
        try {
            refreshReadingAhead();

            assertThat(ahead.copied()).as("the rows read ahead copied").isEqualTo(copied + 1);
            assertThat(jdbc.sql(IDS).query(String.class).single()).as("the tables kept").isEqualTo(ids);
            assertThat(jdbc.sql("select count(*) from coordinator.persons").query(Long.class).single())
                    .as("the view reads the rows written by the rebuild").isPositive();
            assertThat(ReportingTables.rows(jdbc)).as("every row as a rebuild on one connection writes it")
                    .isEqualTo(oneConnection);
        } finally {
            jdbc.sql("drop schema coordinator cascade").update();
        }
    }

    @Test
    void tablesBesideAndRowsReadAheadThatAKilledRunLeftAreNeitherKeptNorUsed() {
        refresh.rebuild();
        List<String> oneConnection = ReportingTables.rows(jdbc);
        jdbc.sql("create table reporting.person_next (like reporting.person)").update();
        jdbc.sql("insert into reporting.person_next select * from reporting.person limit 1").update();
        jdbc.sql("create table reporting.person_fact_next (like reporting.person_fact)").update();
        // a record's report read ahead by a killed run, under another person
        jdbc.sql("create table reporting.report_ahead as select * from reporting.report limit 1").update();
        jdbc.sql("update reporting.report_ahead set person_id = person_id + 1000").update();

        refreshReadingAhead();

        assertThat(jdbc.sql(BESIDE).query(Long.class).single()).as("no table left beside").isZero();
        assertThat(ReportingTables.rows(jdbc)).as("every row as a rebuild on one connection writes it")
                .isEqualTo(oneConnection);
        assertThat(jdbc.sql(SCRATCH_ROWS).query(Long.class).single())
                .as("the tables read ahead put in place or dropped")
                .isZero();
    }

    @Test
    void reportsAreNotReadAheadIntoTablesAnotherProcessHolds() throws Exception {
        refresh.rebuild();
        List<String> oneConnection = ReportingTables.rows(jdbc);
        long reads = ahead.reads();
        long copied = ahead.copied();
        try (Connection other = dataSource.getConnection(); Statement sql = other.createStatement()) {
            // another process's read ahead, holding its rows
            sql.execute("select pg_advisory_lock(hashtext('gugus.reporting.ahead'))");
            sql.execute("create table reporting.report_ahead as select * from reporting.report");
            try {
                refreshReadingAhead();
            } finally {
                sql.execute("select pg_advisory_unlock(hashtext('gugus.reporting.ahead'))");
                sql.execute("drop table reporting.report_ahead");
            }
        }

        assertThat(ahead.reads()).as("no read ahead").isEqualTo(reads);
        assertThat(ahead.copied()).as("nothing copied from the other's rows").isEqualTo(copied);
        assertThat(ReportingTables.rows(jdbc)).as("every row as a rebuild on one connection writes it")
                .isEqualTo(oneConnection);
    }

    /** Empties the reporting schema, reads ahead for the latest file and refreshes every person (a rebuild). */
    private void refreshReadingAhead() {
        long fileId = jdbc.sql("select max(source_file_id) from warehouse.victim").query(Long.class).single();
        jdbc.sql("truncate reporting.report, reporting.person, reporting.tppo_case").update();
        ahead.start(VictimsPublished.ofFile(fileId, "64.72"));
        refresh.refresh(jdbc.sql("select distinct person_id from persons.victim_person").query(Long.class).list());
    }
}
