package org.gugus.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.intake.FileOutcome;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.DropFolder;
import org.gugus.ingest.FileSource;
import org.gugus.warehouse.StagedRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A load that dies half-way resumes from its last committed chunk and ends with exactly the
 * warehouse content of an uninterrupted load.
 */
// the drop-folder route does not run: a test hands inbox files to the drop folder itself
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.intake.chunk-size=5",
        "camel.main.auto-startup=false"})
class IntakeJobRestartTests {

    private static final AtomicBoolean FAIL_ON_THIRD_CHUNK = new AtomicBoolean();
    private static final AtomicBoolean FAIL_EVERY_LOAD = new AtomicBoolean();

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @TestConfiguration
    static class FailureInjection {

        /** Fails the chunk holding data row 12, once, after its rows were written (so it rolls back). */
        @Bean
        ItemWriteListener<StagedRow> failOnThirdChunk() {
            return new ItemWriteListener<>() {
                @Override
                public void afterWrite(Chunk<? extends StagedRow> items) {
                    boolean holdsRow12 = items.getItems().stream().anyMatch(row -> row.ordinal() == 12);
                    if (holdsRow12 && FAIL_ON_THIRD_CHUNK.compareAndSet(true, false)) {
                        throw new IllegalStateException("simulated crash in the third chunk");
                    }
                    if (FAIL_EVERY_LOAD.get()) {
                        throw new IllegalStateException("simulated internal failure");
                    }
                }
            };
        }
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path files;

    @Autowired
    DropFolder dropFolder;

    @Value("${gugus.ingest.inbox}")
    Path inbox;

    @Value("${gugus.ingest.archive}")
    Path archive;

    @Value("${gugus.ingest.quarantine}")
    Path quarantine;

    @AfterEach
    void disarm() {
        FAIL_ON_THIRD_CHUNK.set(false);
        FAIL_EVERY_LOAD.set(false);
    }

    @Test
    void reportsTheRealOutcomeOfALoadResumedByTheSameFileSentAgain() {
        Path file = TestWorkbooks.xlsx(files.resolve("kubar-2024-06.xlsx"), rowsWithOneRejected());
        FAIL_ON_THIRD_CHUNK.set(true);
        FileOutcome failed = reception.receive(file, "64.07", "kubar-2024-06.xlsx", FileSource.COMMAND_LINE);
        assertThat(failed.status()).isEqualTo(LoadStatus.FAILED);

        FileOutcome again = reception.receive(file, "64.07", "kubar-2024-06.xlsx", FileSource.COMMAND_LINE);

        assertThat(again.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(again.fileId()).isEqualTo(failed.fileId());
        assertThat(again.rowsRead()).isEqualTo(20);
        assertThat(again.inserted()).isEqualTo(19);
        assertThat(again.rejected()).isEqualTo(1);
        assertThat(jdbc.sql("select status from ingest.received_file where office_code = '64.07' order by id")
                .query(String.class).list()).containsExactly("LOADED", "ALREADY_RECEIVED");
    }

    @Test
    void quarantinesADroppedFileWhoseLoadKeepsFailingInternallyAndLoadsItWhenSentAgain() throws IOException {
        Path dropped = TestWorkbooks.csv(Files.createDirectories(inbox.resolve("64.74")).resolve("bontang.csv"),
                TestWorkbooks.victims(3));
        byte[] content = Files.readAllBytes(dropped);
        FAIL_EVERY_LOAD.set(true);

        FileOutcome first = dropFolder.receive(dropped.toString(), "64.74/bontang.csv");
        List<FileOutcome> second = reception.resumeUnfinished();
        List<FileOutcome> third = reception.resumeUnfinished();

        assertThat(first.status()).isEqualTo(LoadStatus.FAILED);
        assertThat(first.error().code()).isEqualTo("F_INTERNAL");
        assertThat(second).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(LoadStatus.FAILED));
        assertThat(third).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(LoadStatus.QUARANTINED);
            assertThat(o.error().code()).isEqualTo("F_INTERNAL");
            assertThat(o.error().messageEn()).contains("failed 3 times", "#" + first.fileId());
        });
        assertThat(reception.resumeUnfinished()).isEmpty();
        String kept = "bontang-" + first.fileId();
        assertThat(archive.resolve("64.74/" + kept + ".csv")).doesNotExist();
        assertThat(quarantine.resolve("64.74/" + kept + ".csv")).hasBinaryContent(content);
        assertThat(Files.readString(quarantine.resolve("64.74/" + kept + ".error.txt")))
                .contains("Kode: F_INTERNAL", "Code: F_INTERNAL", "3 times");
        assertThat(jdbc.sql("select status || ' ' || error_code || ' ' || load_attempts || ' ' || kept_at"
                + " from ingest.received_file where id = ?").param(first.fileId()).query(String.class).single())
                .isEqualTo("QUARANTINED F_INTERNAL 3 " + quarantine.resolve("64.74/" + kept + ".csv"));

        FAIL_EVERY_LOAD.set(false);
        Files.write(inbox.resolve("64.74/bontang-lagi.csv"), content);
        FileOutcome sentAgain = dropFolder.receive(inbox.resolve("64.74/bontang-lagi.csv").toString(),
                "64.74/bontang-lagi.csv");

        assertThat(sentAgain.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(sentAgain.fileId()).isEqualTo(first.fileId());
        assertThat(sentAgain.inserted()).isEqualTo(3);
    }

    @Test
    void resumesAFailedLoadFromItsLastCommittedChunk() {
        Path file = TestWorkbooks.xlsx(files.resolve("ppu-2024-06.xlsx"), rowsWithOneRejected());
        FAIL_ON_THIRD_CHUNK.set(true);

        FileOutcome failed = reception.receive(file, "64.09", "ppu-2024-06.xlsx", FileSource.COMMAND_LINE);

        assertThat(failed.status()).isEqualTo(LoadStatus.FAILED);
        assertThat(count("select count(*) from warehouse.staged_row where file_id = ?", failed.fileId())).isEqualTo(10);
        assertThat(count("select count(*) from warehouse.victim where office_code = '64.09'")).isZero();

        List<FileOutcome> resumed = reception.resumeUnfinished();

        assertThat(resumed).singleElement().satisfies(delivery -> {
            assertThat(delivery.status()).isEqualTo(LoadStatus.LOADED);
            assertThat(delivery.rowsRead()).isEqualTo(20);
            assertThat(delivery.inserted()).isEqualTo(19);
            assertThat(delivery.rejected()).isEqualTo(1);
            assertThat(delivery.skipped()).isEqualTo(2);
        });
        assertSameWarehouseContentAsUninterruptedLoad("64.09", "64.08");
    }

    @Test
    void resumesALoadWhoseProcessWasKilled() {
        Path file = TestWorkbooks.xlsx(files.resolve("mahulu-2024-06.xlsx"), rowsWithOneRejected());
        FAIL_ON_THIRD_CHUNK.set(true);
        FileOutcome failed = reception.receive(file, "64.11", "mahulu-2024-06.xlsx", FileSource.COMMAND_LINE);
        // a killed process leaves its executions marked as running, and the file as received
        jdbc.sql("update batch.batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null"
                + " where job_instance_id = (select job_instance_id from batch.batch_job_execution_params"
                + " join batch.batch_job_execution using (job_execution_id)"
                + " where parameter_name = 'fileId' and parameter_value = ? limit 1)")
                .param(String.valueOf(failed.fileId())).update();
        jdbc.sql("update batch.batch_step_execution set status = 'STARTED', end_time = null where step_name = 'stage'"
                + " and job_execution_id in (select job_execution_id from batch.batch_job_execution where status = 'STARTED')")
                .update();
        jdbc.sql("update ingest.received_file set status = 'RECEIVED' where id = ?").param(failed.fileId()).update();

        List<FileOutcome> resumed = reception.resumeUnfinished();

        assertThat(resumed).singleElement().satisfies(delivery -> assertThat(delivery.status()).isEqualTo(LoadStatus.LOADED));
        assertSameWarehouseContentAsUninterruptedLoad("64.11", "64.03");
    }

    /** Loads the same rows for another office without interruption and compares what the warehouse holds. */
    private void assertSameWarehouseContentAsUninterruptedLoad(String office, String cleanOffice) {
        FileOutcome clean = reception.receive(TestWorkbooks.xlsx(files.resolve("clean-" + office + ".xlsx"),
                rowsWithOneRejected()), cleanOffice, "clean.xlsx", FileSource.COMMAND_LINE);
        assertThat(clean.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(content(office)).isEqualTo(content(cleanOffice)).hasSize(19);
        assertThat(codes(office)).isEqualTo(codes(cleanOffice));
        assertThat(count("select count(*) from warehouse.rejected_row where office_code = ?", office)).isEqualTo(1);
    }

    private static List<List<String>> rowsWithOneRejected() {
        List<List<String>> rows = TestWorkbooks.victims(20);
        rows.get(6).set(9, "Kerja Rodi Bulan");   // E_CODE_UNKNOWN
        return rows;
    }

    private List<String> content(String office) {
        return jdbc.sql("select warehouse.victim_case_row(v)::text || ' @' || source_sheet || ':' || source_row"
                + " from warehouse.victim v where office_code = ? order by source_row").param(office)
                .query(String.class).list();
    }

    private List<String> codes(String office) {
        return jdbc.sql("""
                select v.source_row || ':' || e.code from warehouse.victim_exploitation e
                  join warehouse.victim v on v.id = e.victim_id where v.office_code = ?
                union all
                select v.source_row || ':' || s.code from warehouse.victim_service s
                  join warehouse.victim v on v.id = s.victim_id where v.office_code = ?
                order by 1
                """).params(office, office).query(String.class).list();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
