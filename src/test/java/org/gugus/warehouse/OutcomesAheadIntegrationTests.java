package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.gugus.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A first delivery's outcomes worked out beside its publish ({@link OutcomesAhead}) are those the publish's
 * own statement ({@link RowOutcomes#keep}) keeps from the same staged rows.
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "camel.main.auto-startup=false"})
class OutcomesAheadIntegrationTests {

    private static final String WARNED = "[{\"code\":\"W_AGE\",\"field\":\"age\",\"column\":\"Umur\",\"value\":\"34\"}]";

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    StagingArea staging;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RowOutcomes rowOutcomes;

    @Autowired
    WarehouseJson json;

    @Test
    void worksOutTheOutcomesThePublishsOwnStatementKeeps() {
        stage(List.of(
                row(941, 1, "Data", 2, "a", "[]"), row(941, 2, "Data", 3, "b", "[]"), rejected(941, 3, "Data", 4),
                row(941, 4, "Data", 5, "c", WARNED), row(941, 5, "Data", 6, "d", "[]"), row(941, 6, "Data", 8, "e", "[]"),
                row(941, 7, "Data", 9, "a", "[]"), row(941, 8, "Data", 10, "f", "[]"),
                row(941, 9, "Lain", 2, "g", "[]"), row(941, 10, "Lain", 3, "b", "[]"), rejected(941, 11, "Lain", 4),
                row(941, 12, "Lain", 5, "h", "[]")));

        List<String> own = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("""
                    create temporary table plan_winner on commit drop as
                    select distinct on (s.identity_key) s.ordinal
                      from warehouse.staged_row s
                     where s.file_id = 941 and not s.rejected
                     order by s.identity_key, s.ordinal desc
                    """).update();
            jdbc.sql("create temporary table plan_thin_loser (ordinal integer) on commit drop").update();
            RowOutcomes.keep(jdbc, 941);
            return outcomes(941);
        });
        OutcomesAhead ahead = OutcomesAhead.start(dataSource, 941);
        List<String> beside = transactions.execute(status -> {
            status.setRollbackOnly();
            assertThat(ahead.keep(jdbc)).isTrue();
            return outcomes(941);
        });

        assertThat(beside).isEqualTo(own).containsExactly(
                "row 1 Data 2 DUPLIKAT []", "row 2 Data 3 DUPLIKAT []", "row 3 Data 4 DITOLAK [{\"code\": \"E_REQUIRED\","
                        + " \"field\": \"victim_name\", \"column\": \"Nama\"}]",
                "row 4 Data 5 PERINGATAN [{\"code\": \"W_AGE\", \"field\": \"age\", \"column\": \"Umur\"}]",
                "row 11 Lain 4 DITOLAK [{\"code\": \"E_REQUIRED\", \"field\": \"victim_name\", \"column\": \"Nama\"}]",
                "run 5-5 Data 6", "run 6-8 Data 8", "run 9-10 Lain 2", "run 12-12 Lain 5");
    }

    @Test
    void worksOutTheSameOutcomesWithoutRankingAFileWhoseIdentitiesAreDistinct() {
        stage(List.of(
                row(943, 1, "Data", 2, "a", "[]"), rejected(943, 2, "Data", 3), row(943, 3, "Data", 4, "c", WARNED),
                row(943, 4, "Data", 5, "d", "[]"), row(943, 5, "Data", 7, "e", "[]"), row(943, 6, "Lain", 2, "f", "[]"),
                rejected(943, 7, "Lain", 3), row(943, 8, "Lain", 4, "h", "[]")));

        List<String> own = transactions.execute(status -> {
            status.setRollbackOnly();
            FirstDelivery.rankWinners(jdbc, 943);
            jdbc.sql("create temporary table plan_thin_loser (ordinal integer) on commit drop").update();
            RowOutcomes.keep(jdbc, 943);
            return outcomes(943);
        });
        OutcomesAhead ahead = OutcomesAhead.start(dataSource, 943, true);
        List<String> beside = transactions.execute(status -> {
            status.setRollbackOnly();
            assertThat(ahead.keep(jdbc)).isTrue();
            return outcomes(943);
        });

        assertThat(beside).isEqualTo(own).containsExactly(
                "row 2 Data 3 DITOLAK [{\"code\": \"E_REQUIRED\", \"field\": \"victim_name\", \"column\": \"Nama\"}]",
                "row 3 Data 4 PERINGATAN [{\"code\": \"W_AGE\", \"field\": \"age\", \"column\": \"Umur\"}]",
                "row 7 Lain 3 DITOLAK [{\"code\": \"E_REQUIRED\", \"field\": \"victim_name\", \"column\": \"Nama\"}]",
                "run 1-1 Data 2", "run 4-4 Data 5", "run 5-5 Data 7", "run 6-6 Lain 2", "run 8-8 Lain 4");
    }

    @Test
    void keepsTheOutcomesTheStageStepToldAsThoseWorkedOutFromTheStagedRows() {
        List<StagedRow> rows = List.of(
                row(945, 1, "Data", 2, "a", "[]"), rejected(945, 2, "Data", 3), row(945, 3, "Data", 4, "c", WARNED),
                row(945, 4, "Data", 5, "d", "[]"), row(945, 5, "Data", 7, "e", "[]"), row(945, 6, "Data", 8, "g", "[]"),
                row(945, 7, "Lain", 2, "f", "[]"), rejected(945, 8, "Lain", 3), row(945, 9, "Lain", 4, "h", "[]"),
                row(945, 10, "Lain", 5, "i", "[]"));
        stage(rows);
        jdbc.sql("insert into warehouse.staged_file (file_id, office_code, row_hash_generation)"
                + " values (945, '64.72', 0)").update();
        List<String> worked = keptAhead(945);
        // as the stage step sees them: encoded by the judges, in the file's order
        StagedOutcomes told = new StagedOutcomes();
        rows.stream().map(StagedRow::encoded).forEach(told::add);
        transactions.executeWithoutResult(status -> staging.stagedWhole(945, 8, true, true, told));
        // the staged rows gone: what the stage step told alone
        jdbc.sql("delete from warehouse.staged_row where file_id = 945").update();

        assertThat(keptAhead(945)).isEqualTo(worked).containsExactly(
                "row 2 Data 3 DITOLAK [{\"code\": \"E_REQUIRED\", \"field\": \"victim_name\", \"column\": \"Nama\"}]",
                "row 3 Data 4 PERINGATAN [{\"code\": \"W_AGE\", \"field\": \"age\", \"column\": \"Umur\"}]",
                "row 8 Lain 3 DITOLAK [{\"code\": \"E_REQUIRED\", \"field\": \"victim_name\", \"column\": \"Nama\"}]",
                "run 1-1 Data 2", "run 4-4 Data 5", "run 5-6 Data 7", "run 7-7 Lain 2", "run 9-10 Lain 4");
        // a file whose identities repeat has no outcomes told: its duplicates are the publish's to find
        transactions.executeWithoutResult(status -> staging.stagedWhole(945, 8, false, true, told));
        assertThat(jdbc.sql("select outcomes is null from warehouse.staged_file where file_id = 945")
                .query(Boolean.class).single()).isTrue();
    }

    /** The outcomes of a first delivery whose identities are distinct as kept beside its publish (rolled back). */
    private List<String> keptAhead(long fileId) {
        OutcomesAhead ahead = OutcomesAhead.start(dataSource, fileId, true);
        return transactions.execute(status -> {
            status.setRollbackOnly();
            assertThat(ahead.keep(jdbc)).isTrue();
            return outcomes(fileId);
        });
    }

    @Test
    void givesBeforeTheCommitTheStretchesOfOutcomesTheAnswerReadsAfterIt() throws Exception {
        String rejection = "[{\"code\":\"E_NIK_FORMAT\",\"field\":\"nik\",\"column\":\"NIK\",\"value\":\"6472\","
                + "\"message_id\":\"NIK harus 16 angka\",\"message_en\":\"NIK must be 16 digits\"}]";
        StagedRow rejectedWithMessages = new StagedRow(944, 3, "Data", 4, true, null, null, null, null,
                OriginalRow.of(cells("x"), null), rejection);
        stage(List.of(
                row(944, 1, "Data", 2, "a", "[]"), row(944, 2, "Data", 3, "b", "[]"), rejectedWithMessages,
                row(944, 4, "Data", 5, "c", WARNED), row(944, 5, "Data", 6, "a", "[]"),
                row(944, 6, "Data", 8, "d", "[]"), row(944, 7, "Data", 9, "e", "[]"), row(944, 8, "Lain", 2, "f", "[]"),
                rejected(944, 9, "Lain", 3), row(944, 10, "Lain", 4, "g", "[]")));
        OutcomesAhead ahead = OutcomesAhead.start(dataSource, 944);
        OutcomesBeforeCommit beforeCommit = ahead.beforeCommit(json).get().orElseThrow();

        List<List<RowOutcomes.Kept>> read = transactions.execute(status -> {
            status.setRollbackOnly();
            assertThat(ahead.keep(jdbc)).isTrue();
            // the rejections as the publish keeps them, whose findings the answer shows
            jdbc.sql("""
                    insert into warehouse.rejected_row (file_id, office_code, sheet, row_number, original, findings)
                    select file_id, '64.72', sheet, row_number, '{}'::jsonb, findings
                      from warehouse.staged_row where file_id = 944 and rejected
                    """).update();
            List<RowOutcomes.Kept> committed = new ArrayList<>();
            List<RowOutcomes.Kept> worked = new ArrayList<>();
            for (int limit : new int[] {1, 2, 3, 5000}) {
                for (int after = 0; ; ) {
                    RowOutcomes.Kept kept = rowOutcomes.kept(944, after, limit);
                    committed.add(kept);
                    worked.add(beforeCommit.kept(after, limit));
                    if (kept.isEmpty()) {
                        break;
                    }
                    after = kept.throughOrdinal();
                }
            }
            return List.of(committed, worked);
        });

        assertThat(read.get(1)).isEqualTo(read.get(0));
        assertThat(read.get(0).get(2).rows()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(RowStatus.DITOLAK);
            assertThat(row.findings()).singleElement().extracting(StoredFinding::messageEn)
                    .isEqualTo("NIK must be 16 digits");
        });
    }

    @Test
    void bringsNoneOfAFileWithMoreOutcomesThanItMayHold() {
        stage(List.of(rejected(942, 1, "Data", 2), row(942, 2, "Data", 3, "a", WARNED), row(942, 3, "Data", 4, "b", "[]")));

        OutcomesAhead ahead = OutcomesAhead.start(dataSource, 942, 2);
        boolean kept = transactions.execute(status -> ahead.keep(jdbc));

        assertThat(kept).isFalse();
        assertThat(outcomes(942)).isEmpty();
    }

    private List<String> outcomes(long fileId) {
        return jdbc.sql("""
                select 'row ' || ordinal || ' ' || sheet || ' ' || row_number || ' ' || status || ' ' || findings
                  from warehouse.row_outcome where file_id = :file
                union all
                select 'run ' || first_ordinal || '-' || last_ordinal || ' ' || sheet || ' ' || first_row_number
                  from warehouse.row_outcome_run where file_id = :file
                 order by 1
                """).param("file", fileId).query(String.class).list().stream()
                .sorted((a, b) -> {
                    int kind = a.substring(0, 3).compareTo(b.substring(0, 3));
                    return kind != 0 ? kind : Integer.compare(ordinal(a), ordinal(b));
                }).toList();
    }

    private static int ordinal(String outcome) {
        return Integer.parseInt(outcome.substring(4).split("[ -]")[0]);
    }

    private void stage(List<StagedRow> rows) {
        StagedChunks.write(staging, transactions, rows);
    }

    /** A row of the victim whose identity key is {@code key} repeated, with these findings. */
    private static StagedRow row(long fileId, int ordinal, String sheet, int rowNumber, String key, String findings) {
        StagedCase values = new StagedCase("TPPO/" + fileId, "2024-06-05", null, "Korban " + key, null, "P", null,
                "1990-01-02", 34, "Samarinda", "64.72", null, null, null, null, null, "WNI", null, null,
                List.of("SEKSUAL"), List.of(), null, null, "P21", List.of(), "baris " + ordinal);
        return new StagedRow(fileId, ordinal, sheet, rowNumber, false, key.repeat(64), "p".repeat(64),
                Integer.toString(ordinal).repeat(64).substring(0, 64), values, OriginalRow.of(cells(key), null), findings);
    }

    private static StagedRow rejected(long fileId, int ordinal, String sheet, int rowNumber) {
        return new StagedRow(fileId, ordinal, sheet, rowNumber, true, null, null, null, null,
                OriginalRow.of(cells("x"), null), "[{\"code\":\"E_REQUIRED\",\"field\":\"victim_name\",\"column\":\"Nama\"}]");
    }

    private static Map<String, String> cells(String name) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("Nama", name);
        return cells;
    }
}
