package org.gugus.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.Delivery;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.warehouse.StagedRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
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
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.intake.chunk-size=5"})
class IntakeJobRestartTests {

    private static final AtomicBoolean FAIL_ON_THIRD_CHUNK = new AtomicBoolean();

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

    @AfterEach
    void disarm() {
        FAIL_ON_THIRD_CHUNK.set(false);
    }

    @Test
    void resumesAFailedLoadFromItsLastCommittedChunk() {
        Path file = TestWorkbooks.xlsx(files.resolve("ppu-2024-06.xlsx"), rowsWithOneRejected());
        FAIL_ON_THIRD_CHUNK.set(true);

        Delivery failed = reception.receive(file, "64.09", "ppu-2024-06.xlsx", FileSource.COMMAND_LINE);

        assertThat(failed.status()).isEqualTo(LoadStatus.FAILED);
        assertThat(count("select count(*) from warehouse.staged_row where file_id = ?", failed.fileId())).isEqualTo(10);
        assertThat(count("select count(*) from warehouse.victim where office_code = '64.09'")).isZero();

        List<Delivery> resumed = reception.resumeUnfinished();

        assertThat(resumed).singleElement().satisfies(delivery -> {
            assertThat(delivery.status()).isEqualTo(LoadStatus.LOADED);
            assertThat(delivery.report().rowsRead()).isEqualTo(20);
            assertThat(delivery.report().inserted()).isEqualTo(19);
            assertThat(delivery.report().rejected()).isEqualTo(1);
            assertThat(delivery.report().skipped()).isEqualTo(2);
        });
        assertSameWarehouseContentAsUninterruptedLoad("64.09", "64.08");
    }

    @Test
    void resumesALoadWhoseProcessWasKilled() {
        Path file = TestWorkbooks.xlsx(files.resolve("mahulu-2024-06.xlsx"), rowsWithOneRejected());
        FAIL_ON_THIRD_CHUNK.set(true);
        Delivery failed = reception.receive(file, "64.11", "mahulu-2024-06.xlsx", FileSource.COMMAND_LINE);
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

        List<Delivery> resumed = reception.resumeUnfinished();

        assertThat(resumed).singleElement().satisfies(delivery -> assertThat(delivery.status()).isEqualTo(LoadStatus.LOADED));
        assertSameWarehouseContentAsUninterruptedLoad("64.11", "64.03");
    }

    /** Loads the same rows for another office without interruption and compares what the warehouse holds. */
    private void assertSameWarehouseContentAsUninterruptedLoad(String office, String cleanOffice) {
        Delivery clean = reception.receive(TestWorkbooks.xlsx(files.resolve("clean-" + office + ".xlsx"),
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
        return jdbc.sql("select case_row::text || ' @' || source_sheet || ':' || source_row from warehouse.victim"
                + " where office_code = ? order by source_row").param(office).query(String.class).list();
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
