package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gugus.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a publish keeps of each staged row of an office's first file (issue 13: its rejected rows are read
 * only when the outcomes count one, its outcomes are planned apart from the rest of the transaction).
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "camel.main.auto-startup=false"})
class PublishedOutcomesIntegrationTests {

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    StagingArea staging;

    @Autowired
    WarehousePublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void keepsEachRowsOutcomeAndTheRejectedRowForReviewLeavingTheTransactionsPlannerAsItFoundIt() {
        stage(List.of(victim(931, 1, "a"), rejected(931, 2), victim(931, 3, "b"), victim(931, 4, "a")));

        String nestedLoops = transactions.execute(status -> {
            PublishCounts counts = publisher.publish(931, "64.31");
            assertThat(counts.inserted()).isEqualTo(2);
            assertThat(counts.duplicates()).isEqualTo(1);
            assertThat(counts.rejected()).isEqualTo(1);
            return jdbc.sql("select current_setting('enable_nestloop')").query(String.class).single();
        });

        assertThat(nestedLoops).as("the publish's later statements and the caller's plan as before").isEqualTo("on");
        assertThat(jdbc.sql("select ordinal || ':' || status from warehouse.row_outcome where file_id = 931 order by 1")
                .query(String.class).list()).containsExactly("1:DUPLIKAT", "2:DITOLAK");
        assertThat(jdbc.sql("""
                select first_ordinal || '-' || last_ordinal from warehouse.row_outcome_run
                 where file_id = 931 order by first_ordinal
                """).query(String.class).list()).containsExactly("3-4");
        assertThat(jdbc.sql("select sheet || ':' || row_number from warehouse.rejected_row where file_id = 931")
                .query(String.class).list()).containsExactly("Data:3");
        assertThat(jdbc.sql("select count(*) from warehouse.victim where office_code = '64.31'").query(Long.class)
                .single()).isEqualTo(2);
    }

    @Test
    void keepsNoRejectedRowOfAFileWithoutOne() {
        stage(List.of(victim(932, 1, "c"), victim(932, 2, "d")));

        transactions.executeWithoutResult(status -> publisher.publish(932, "64.32"));

        assertThat(jdbc.sql("select count(*) from warehouse.rejected_row where file_id = 932").query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from warehouse.victim where office_code = '64.32'").query(Long.class)
                .single()).isEqualTo(2);
    }

    private void stage(List<StagedRow> rows) {
        StagedChunks.write(staging, transactions, rows);
    }

    /** A valid row of the victim whose identity key is {@code key} repeated, on sheet row {@code ordinal + 1}. */
    private static StagedRow victim(long fileId, int ordinal, String key) {
        StagedCase values = new StagedCase("TPPO/" + fileId, "2024-06-05", null, "Korban " + key, null, "P", null,
                "1990-01-02", 34, "Samarinda", "64.72", null, null, null, null, null, "WNI", null, null,
                List.of("SEKSUAL"), List.of(), null, null, "P21", List.of(), "baris " + ordinal);
        return new StagedRow(fileId, ordinal, "Data", ordinal + 1, false, key.repeat(64), "p".repeat(64),
                Integer.toString(ordinal).repeat(64).substring(0, 64), values, OriginalRow.of(cells(key), null), "[]");
    }

    private static StagedRow rejected(long fileId, int ordinal) {
        return new StagedRow(fileId, ordinal, "Data", ordinal + 1, true, null, null, null, null,
                OriginalRow.of(cells("x"), null), "[{\"code\":\"E_REQUIRED\",\"field\":\"victim_name\",\"column\":\"Nama\"}]");
    }

    private static Map<String, String> cells(String name) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("Nama", name);
        return cells;
    }
}
