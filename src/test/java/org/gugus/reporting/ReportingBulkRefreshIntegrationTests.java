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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A refresh that rewrites at least as many persons as the reporting schema held rebuilds it whole,
 * set-based ({@link NewReports}), its indexes built afterwards ({@link DeferredIndexes}); here every
 * refresh is large enough to.
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.reporting.bulk-refresh-persons=1"})
class ReportingBulkRefreshIntegrationTests {

    private static final String INDEXES = """
            select c.relname || ' ' || pg_get_indexdef(i.indexrelid) || case when i.indisclustered then ' clustered' else '' end
              from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'reporting' order by 1
            """;

    /** The keys as constraints (a rebuild drops and adds them again: they must come back as constraints). */
    private static final String KEYS = """
            select c.conrelid::regclass::text || ' ' || c.conname || ' ' || c.contype::text || ' ' || pg_get_constraintdef(c.oid)
              from pg_constraint c where c.connamespace = 'reporting'::regnamespace order by 1
            """;

    private static final String KEPT = "select indicator || ' ' || code || ' ' || n from reporting.all_time_count"
            + " where n <> 0 order by 1";

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
    WarehouseSource warehouse;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path files;

    @Test
    void aLargeRefreshCountsAsARebuildAndLeavesEveryIndexAsTheMigrationsMadeIt() {
        List<String> keys = jdbc.sql(KEYS).query(String.class).list();
        refresh.rebuild();
        assertThat(jdbc.sql(KEYS).query(String.class).list()).as("every key and unique constraint back").isEqualTo(keys)
                .anyMatch(key -> key.startsWith("reporting.person_fact person_fact_pkey p"));
        List<String> indexes = jdbc.sql(INDEXES).query(String.class).list();
        assertThat(indexes).as("the facts clustered by report date").anyMatch(index -> index.endsWith(" clustered"));

        reception.receive(TestWorkbooks.csv(files.resolve("smd.csv"), TestWorkbooks.victims(3)), "64.72", "smd.csv",
                FileSource.COMMAND_LINE);
        TestLinkage.linkByNik(jdbc, events);

        assertThat(jdbc.sql(INDEXES).query(String.class).list()).isEqualTo(indexes);
        assertThat(jdbc.sql("select count(*) from reporting.report_fact").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from reporting.person_fact").query(Long.class).single()).isEqualTo(3);
        List<String> refreshed = jdbc.sql(KEPT).query(String.class).list();
        List<String> tables = ReportingTables.rows(jdbc);
        refresh.rebuild();
        assertThat(jdbc.sql(KEPT).query(String.class).list()).contains("unique_victims  3", "reports  3")
                .isEqualTo(refreshed);
        assertThat(ReportingTables.rows(jdbc)).as("every row as a rebuild writes it").isEqualTo(tables);
        assertThat(jdbc.sql(INDEXES).query(String.class).list()).isEqualTo(indexes);
        assertThat(jdbc.sql(KEYS).query(String.class).list()).isEqualTo(keys);
    }

    @Test
    void aRebuildCopiesTheReportsOfBothHalvesOfTheRecordsOnceEachAsTheyAreCopiedPerPerson() {
        reception.receive(TestWorkbooks.csv(files.resolve("bpp.csv"),
                IntStream.rangeClosed(21, 26).mapToObj(TestWorkbooks::victim).toList()), "64.71", "bpp.csv",
                FileSource.COMMAND_LINE);
        TestLinkage.linkByNik(jdbc, events);

        refresh.rebuild();

        // the rebuild reads the records in two halves of their ids: both hold some here
        long middle = jdbc.sql("select (min(id) + max(id)) / 2 from warehouse.victim").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from reporting.report where victim_id <= ?").param(middle).query(Long.class)
                .single()).isPositive();
        assertThat(jdbc.sql("select count(*) from reporting.report where victim_id > ?").param(middle).query(Long.class)
                .single()).isPositive();
        String rows = "select to_jsonb(r)::text from %s r order by victim_id";
        List<String> perPerson = new TransactionTemplate(transactions).execute(status -> {
            NewReports.fresh(jdbc);
            warehouse.copyReportsOf(jdbc.sql("select distinct person_id from persons.victim_person").query(Long.class)
                    .list().toArray(Long[]::new), "pg_temp.reporting_fresh");
            return jdbc.sql(rows.formatted("pg_temp.reporting_fresh")).query(String.class).list();
        });
        assertThat(jdbc.sql(rows.formatted("reporting.report")).query(String.class).list()).hasSizeGreaterThanOrEqualTo(6)
                .isEqualTo(perPerson);
    }
}
