package org.gugus.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
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
 * A first load's per-case facts, which need no person, are written with their keys and indexes beside the tables they
 * replace by the read ahead of the reports ({@link ReportsAhead}), while the persons are resolved, and put in place by
 * the rebuild's transaction: the same rows, keys, indexes, grants and storage as a rebuild that copies them; when they
 * cannot be written beside, or not put in place, the rebuild writes them itself; none is left beside.
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.reporting.bulk-refresh-persons=1"})
class ReportingCaseFactsAheadIntegrationTests {

    private static final String TABLES = "('reporting.case_fact'::regclass, 'reporting.office_case_fact'::regclass)";

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

    private static final String BESIDE = "select count(*) from pg_class where relname in ('case_fact_next',"
            + " 'office_case_fact_next') and relnamespace = 'reporting'::regnamespace";

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

    @BeforeEach
    void load() {
        if (jdbc.sql("select count(*) from warehouse.victim").query(Long.class).single() == 0) {
            reception.receive(TestWorkbooks.csv(files.resolve("smd.csv"),
                    IntStream.rangeClosed(61, 72).mapToObj(TestWorkbooks::victim).toList()), "64.72", "smd.csv",
                    FileSource.COMMAND_LINE);
        }
    }

    @Test
    void caseFactsWrittenAheadAreTheRowsKeysIndexesAndGrantsOfARebuildThatCopiesThem() {
        refresh.rebuild();
        List<String> copied = ReportingTables.rows(jdbc);
        List<String> catalogue = jdbc.sql(CATALOGUE).query(String.class).list();
        String ids = jdbc.sql(IDS).query(String.class).single();
        long taken = ahead.copied();

        refreshReadingAhead();

        assertThat(ahead.copied()).as("the rows read ahead copied").isEqualTo(taken + 1);
        assertThat(jdbc.sql(IDS).query(String.class).single()).as("the case facts written beside put in place")
                .isNotEqualTo(ids);
        assertThat(jdbc.sql(CATALOGUE).query(String.class).list()).as("keys, indexes, grants and storage kept")
                .isEqualTo(catalogue).anyMatch(row -> row.contains("PRIMARY KEY (case_id)"))
                .anyMatch(row -> row.contains("PRIMARY KEY (case_id, office)"))
                .anyMatch(row -> row.contains("USING gist"));
        // the read-only role's grants, where the migrating user could create that role
        if (jdbc.sql("select exists (select 1 from pg_roles where rolname = 'gugus_reporting')")
                .query(Boolean.class).single()) {
            assertThat(jdbc.sql(CATALOGUE).query(String.class).list()).as("the read-only role's grants kept")
                    .anyMatch(row -> row.contains("gugus_reporting"));
        }
        assertThat(ReportingTables.rows(jdbc)).as("every row as a rebuild that copies the case facts writes it")
                .anyMatch(row -> row.startsWith("case_fact ")).anyMatch(row -> row.startsWith("office_case_fact "))
                .isEqualTo(copied);
        assertThat(jdbc.sql(BESIDE).query(Long.class).single()).as("no table left beside").isZero();
        assertThat(jdbc.sql(ReportingReadAheadIntegrationTests.LEFT).query(Long.class).single())
                .as("the rows read ahead emptied").isZero();
        // written frozen, as the rebuild's copy writes them: every page visible to all from the start (where the
        // server has the contrib module that tells)
        if (jdbc.sql("select exists (select 1 from pg_available_extensions where name = 'pg_visibility')")
                .query(Boolean.class).single()) {
            jdbc.sql("create extension if not exists pg_visibility").update();
            assertThat(jdbc.sql("""
                    select count(*) filter (where not all_frozen)
                      from (select all_frozen from pg_visibility_map('reporting.case_fact')
                            union all
                            select all_frozen from pg_visibility_map('reporting.office_case_fact')) m
                    """).query(Long.class).single()).as("the case facts' pages frozen").isZero();
        }
    }

    @Test
    void caseFactsThatCannotBeWrittenBesideAreReadAheadAndCopiedAsBefore() {
        refresh.rebuild();
        List<String> copied = ReportingTables.rows(jdbc);
        String ids = jdbc.sql(IDS).query(String.class).single();
        long taken = ahead.copied();
        // the read ahead's drop of a table left beside fails on a view of that name
        jdbc.sql("create view reporting.case_fact_next as select 1 as one").update();
        try {
            refreshReadingAhead();

            assertThat(ahead.copied()).as("the rows read ahead copied").isEqualTo(taken + 1);
            assertThat(jdbc.sql(IDS).query(String.class).single()).as("the tables kept").isEqualTo(ids);
            assertThat(ReportingTables.rows(jdbc)).as("every row as a rebuild that copies the case facts writes it")
                    .anyMatch(row -> row.startsWith("case_fact ")).isEqualTo(copied);
            assertThat(jdbc.sql("select count(*) from pg_class where relname = 'office_case_fact_next'")
                    .query(Long.class).single()).as("nothing written beside").isZero();
        } finally {
            jdbc.sql("drop view reporting.case_fact_next").update();
        }
    }

    @Test
    void aViewOfTheCaseFactsLeavesTheRebuildToWriteThemItself() {
        refresh.rebuild();
        List<String> copied = ReportingTables.rows(jdbc);
        String ids = jdbc.sql(IDS).query(String.class).single();
        long taken = ahead.copied();
        // a coordinator's view of the case facts, which the replaced table's drop would have to drop too
        jdbc.sql("create schema coordinator").update();
        jdbc.sql("create view coordinator.cases as select case_id from reporting.case_fact").update();
        try {
            refreshReadingAhead();

            assertThat(ahead.copied()).as("the rows read ahead copied").isEqualTo(taken + 1);
            assertThat(jdbc.sql(IDS).query(String.class).single()).as("the tables kept").isEqualTo(ids);
            assertThat(jdbc.sql("select count(*) from coordinator.cases").query(Long.class).single())
                    .as("the view reads the rows written by the rebuild").isPositive();
            assertThat(ReportingTables.rows(jdbc)).as("every row as a rebuild that copies the case facts writes it")
                    .isEqualTo(copied);
            assertThat(jdbc.sql(BESIDE).query(Long.class).single()).as("no table left beside").isZero();
        } finally {
            jdbc.sql("drop schema coordinator cascade").update();
        }
    }

    /** Empties the reporting schema, reads ahead for the latest file and refreshes every person (a rebuild). */
    private void refreshReadingAhead() {
        long fileId = jdbc.sql("select max(source_file_id) from warehouse.victim").query(Long.class).single();
        jdbc.sql("truncate reporting.report, reporting.person, reporting.tppo_case").update();
        ahead.start(VictimsPublished.ofFile(fileId, "64.72"));
        refresh.refresh(jdbc.sql("select distinct person_id from persons.victim_person").query(Long.class).list());
    }
}
