package org.gugus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.intake.FileOutcome;
import org.gugus.intake.LoadStatus;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Random strings (printable, any script) in every field of a CSV never fail the job: the file is LOADED, every data row is
 * inserted (or counted as a duplicate) or rejected with at least one error code, and the counts
 * reconcile with what is in the warehouse and in review.
 */
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class RandomRowsIntegrationTests {

    private static final String[] FRAGMENTS = { "", " ", "-", "/", ".", ",", ";", "+", "\n", "\"", "dan", "E+15", "0",
            "1", "12", "13", "29", "31", "32", "41", "71", "72", "02", "2023", "2024", "1990", "6472014507900001",
            "6404014507900001", "6.47201E+15", "Maret", "Agt", "tahun", "WNA", "WNI", "Malaysia", "Kupang", "Samarinda",
            "Kab.", "Kota", "L", "P", "Seksual", "Kerja Paksa", "P-21", "Visum", "(", ")", "'", "\u00A0", "é", "\u0301",
            "\uD83D\uDE00", "\t", "%", "\\", "{", "}", "NaN", "-1", "1e309", "Jumlah", "Mengetahui",
            "=SUM(A1)", "null", "<b>", "İ", "٣" };

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path files;

    @RepeatedTest(4)
    void randomValuesInEveryFieldLoadOrRejectEachRowWithACode(RepetitionInfo repetition) {
        String office = List.of("64.71", "64.72", "64.74", "64.09").get(repetition.getCurrentRepetition() - 1);
        Random random = new Random(7_000 + repetition.getCurrentRepetition());
        List<List<String>> rows = new ArrayList<>();
        for (int n = 1; n <= 300; n++) {
            List<String> row = TestWorkbooks.victim(n);
            for (int column = 1; column < row.size(); column++) {
                if (random.nextInt(3) == 0) {
                    row.set(column, randomText(random));
                }
            }
            row.set(0, String.valueOf(n));
            rows.add(row);
        }
        String name = "acak-" + repetition.getCurrentRepetition() + ".csv";

        FileOutcome delivery = reception.receive(TestWorkbooks.csv(files.resolve(name), rows), office, name,
                FileSource.COMMAND_LINE);

        FileOutcome report = delivery;
        assertThat(report.status()).as("%s", report.error()).isEqualTo(LoadStatus.LOADED);
        assertThat(report.reconciles()).isTrue();
        assertThat(report.rowsRead()).isPositive();
        assertThat(report.rejected()).isPositive();
        assertThat(report.inserted()).isPositive();
        assertThat(count("select count(*) from warehouse.victim where office_code = ? and source_file_id = ?", office,
                delivery.fileId())).isEqualTo(report.inserted());
        assertThat(count("select count(*) from warehouse.rejected_row where file_id = ?", delivery.fileId()))
                .isEqualTo(report.rejected());
        assertThat(count("""
                select count(*) from warehouse.rejected_row r
                 where r.file_id = ? and not exists (select 1 from jsonb_array_elements(r.findings) f
                                                      where f ->> 'code' like 'E\\_%')
                """, delivery.fileId())).as("rejected rows without an error code").isZero();
        long rowsWithCodes = report.rejectionsByCode().values().stream().mapToLong(Long::longValue).sum();
        assertThat(rowsWithCodes).isGreaterThanOrEqualTo(report.rejected());
        assertThat(report.rejectionsByCode().keySet()).allMatch(code -> code.startsWith("E_"));
        assertThat(report.warningsByCode().keySet()).allMatch(code -> code.startsWith("W_"));
        assertThat(jdbc.sql("select outcome::text from ingest.received_file where id = ?").param(delivery.fileId())
                .query(String.class).single()).contains("rejections_by_code");
        for (Map.Entry<String, Long> entry : report.rejectionsByCode().entrySet()) {
            assertThat(entry.getValue()).isBetween(1L, report.rejected());
        }
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(5);
        for (int i = 0; i < parts; i++) {
            if (random.nextInt(6) == 0) {
                int codePoint = random.nextInt(0x2FFFF);
                // A lone surrogate cannot be written to a UTF-8 file at all, and control characters make the
                // reader take the file for binary (F_UNREADABLE, a file-level outcome, tested elsewhere).
                int type = Character.getType(codePoint);
                text.appendCodePoint(type == Character.SURROGATE || type == Character.CONTROL ? 'x' : codePoint);
            } else {
                text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
        }
        return text.toString();
    }
}
