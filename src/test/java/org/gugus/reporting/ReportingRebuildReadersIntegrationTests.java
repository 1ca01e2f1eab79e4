package org.gugus.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A rebuild of the reporting schema beside readers that hold one of its tables while they read another (a
 * coordinator's count in a transaction, the background warm-up): the rebuild waits for them or lets them through
 * ({@link RebuiltTables}), and neither fails. Taken one by one by the truncate and its triggers, the reports' lock and
 * then their facts', a reader holding the facts and asking for the persons made the server abort one of the two; and
 * the all-time counts, emptied at the rebuild's end, with a report that held them and asked for the reports.
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.reporting.warm-kept-counts=false"})
class ReportingRebuildReadersIntegrationTests {

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
    DataSource dataSource;

    @TempDir
    Path files;

    @BeforeEach
    void load() {
        if (jdbc.sql("select count(*) from warehouse.victim").query(Long.class).single() == 0) {
            reception.receive(TestWorkbooks.csv(files.resolve("btg.csv"),
                    IntStream.rangeClosed(1, 8).mapToObj(TestWorkbooks::victim).toList()), "64.74", "btg.csv",
                    FileSource.COMMAND_LINE);
        }
    }

    @Test
    void aReaderHoldingTheFactsWhileItReadsThePersonsIsWaitedForAndNeitherFails() throws Exception {
        // the rebuild waits for the facts first, holding none of the tables: the reader gets the persons and ends
        rebuildBesideAReaderOf("reporting.report_fact", "reporting.person");
    }

    @Test
    void aReaderHoldingThePersonsWhileItReadsTheFactsIsLetThroughAndTheRebuildTakesItsLocksAgain() throws Exception {
        // the rebuild holds the facts and waits for the persons; the reader's read of the facts closes the cycle, and
        // the rebuild, waiting longer, is the one the server stops: undone to its savepoint, it lets the reader
        // through and locks the tables again once the reader ends
        rebuildBesideAReaderOf("reporting.person", "reporting.report_fact");
    }

    @Test
    void anAllTimeReportHoldingItsCountsWhileItReadsTheReportsFilesIsWaitedForAndNeitherFails() throws Exception {
        // a national report of all time reads the kept counts, then the files of the reports; the rebuild, emptying
        // the counts only at its end, held the reports by then and waited for the counts the report held
        rebuildBesideAReaderOf("reporting.all_time_count", "reporting.report");
    }

    /**
     * Rebuilds the schema while a reader in a transaction holds the first table, waiting until the rebuild waits for
     * it, then reads the second; both must end, and the schema must come out as rebuilt before.
     */
    private void rebuildBesideAReaderOf(String held, String thenRead) throws Exception {
        refresh.rebuild();
        List<String> before = ReportingTables.rows(jdbc);
        try (Connection reader = dataSource.getConnection(); Statement sql = reader.createStatement()) {
            reader.setAutoCommit(false);
            try {
                assertThat(count(sql, held)).as("the reader's first read").isPositive();
                CompletableFuture<ReportingRefresh.Counts> rebuilt = CompletableFuture.supplyAsync(refresh::rebuild);
                awaitWaitingFor(held, rebuilt);

                assertThat(count(sql, thenRead)).as("the reader's second read").isPositive();
                reader.commit();

                assertThat(rebuilt.get(60, TimeUnit.SECONDS).reports()).as("the rebuild's reports").isPositive();
            } finally {
                reader.rollback();
                reader.setAutoCommit(true);
            }
        }
        assertThat(ReportingTables.rows(jdbc)).as("the schema as rebuilt before").isEqualTo(before);
    }

    private static long count(Statement sql, String table) throws SQLException {
        try (ResultSet rows = sql.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Until another session waits for a lock on the table (the rebuild, unless it ended first). */
    private void awaitWaitingFor(String table, CompletableFuture<?> rebuild) throws InterruptedException {
        for (int tries = 0; tries < 1500; tries++) {
            if (rebuild.isDone()) {
                throw new AssertionError("the rebuild ended without waiting for " + table + ": " + rebuild);
            }
            if (jdbc.sql("select exists (select 1 from pg_locks where not granted and relation = ?::regclass)")
                    .param(table).query(Boolean.class).single()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no session waited for " + table);
    }
}
