package org.gugus.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.warehouse.VictimsPublished;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reports read ahead of a first load's persons ({@link ReportsAhead}) hold the warehouse's records only while
 * they read them: a first load's persons store drops the foreign key of its links to the records, which waits for
 * every lock on them, while the read ahead writes their facts. A class of its own: its records would make a later
 * load of {@link ReportingReadAheadIntegrationTests} too small to be read ahead.
 */
// no background warm-up: these tests empty the reporting tables themselves, and a warm-up's count, holding one table
// while it reads another, made that truncate the server's deadlock victim
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.reporting.bulk-refresh-persons=1",
        "gugus.reporting.warm-kept-counts=false"})
class ReportingReadAheadLocksIntegrationTests {

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportsAhead ahead;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path files;

    @Test
    void theReadAheadLetsGoOfTheWarehouseOnceItsRecordsAreReadSoThePersonsStoreNeedNotWaitForTheirFacts()
            throws SQLException {
        reception.receive(TestWorkbooks.csv(files.resolve("psr.csv"),
                IntStream.rangeClosed(1, 6).mapToObj(TestWorkbooks::victim).toList()), "64.01", "psr.csv",
                FileSource.COMMAND_LINE);
        long fileId = jdbc.sql("select max(source_file_id) from warehouse.victim").query(Long.class).single();
        // as before the refresh of a first load: nothing reported yet
        jdbc.sql("truncate reporting.report, reporting.person, reporting.tppo_case").update();
        long reads = ahead.reads();
        try (Connection dictionary = dataSource.getConnection(); Statement holding = dictionary.createStatement()) {
            dictionary.setAutoCommit(false);
            // the code dictionary held: the read ahead stops at its facts, the first of its statements after the
            // records' read that reads the dictionary
            holding.execute("lock table reporting.code_id in access exclusive mode");
            ahead.start(VictimsPublished.ofFile(fileId, "64.01"));
            int reader = awaitWaitingFor("reporting.code_id");

            assertThat(jdbc.sql("""
                    select count(*) from pg_locks
                     where pid = ? and granted and relation = 'warehouse.victim'::regclass
                    """).param(reader).query(Long.class).single())
                    .as("the reader's locks on the records, which dropping the persons' links' foreign key to them waits for")
                    .isZero();
            dictionary.rollback();
        }
        awaitRead(reads + 1);
        try (ReportsAhead.Read read = ahead.take().orElseThrow()) {
            assertThat(read.rows()).as("every record read ahead")
                    .isEqualTo(jdbc.sql("select count(*) from warehouse.victim").query(Long.class).single());
        }
        assertThat(jdbc.sql(ReportingReadAheadIntegrationTests.LEFT).query(Long.class).single())
                .as("their tables put in place or dropped").isZero();
    }

    /** The server process waiting for a lock on {@code table}, once one does. */
    private int awaitWaitingFor(String table) {
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            List<Integer> waiting = jdbc.sql("select pid from pg_locks where not granted and relation = ?::regclass")
                    .param(table).query(Integer.class).list();
            if (!waiting.isEmpty()) {
                return waiting.get(0);
            }
            pause();
        }
        throw new AssertionError("Nothing waited for a lock on " + table);
    }

    /** Waits until the reads ahead reach {@code reads}. */
    private void awaitRead(long reads) {
        long until = System.nanoTime() + 60_000_000_000L;
        while (ahead.reads() < reads && System.nanoTime() < until) {
            pause();
        }
        assertThat(ahead.reads()).as("the reports read ahead").isEqualTo(reads);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
