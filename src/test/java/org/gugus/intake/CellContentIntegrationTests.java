package org.gugus.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a cell may hold, end to end: characters PostgreSQL cannot store are taken out and the row
 * loads with a warning, never failing the file; a cell beyond the configured limit refuses the
 * file as F_TOO_LARGE. The cell limit is lowered here so that a small file can exceed it.
 */
@SpringBootTest(properties = { "gugus.ingest.resume-on-start=false", "gugus.workbook.max-cell-chars=2000" })
class CellContentIntegrationTests {

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

    @Test
    void loadsACsvWithANulAfterItsFirstEightKilobytesAndFlagsTheCell() throws IOException {
        List<List<String>> rows = TestWorkbooks.victims(100);
        rows.get(89).set(3, "Korban\u0000 Nomor 90");
        Path file = TestWorkbooks.csv(files.resolve("nul.csv"), rows);
        assertThat(Files.readString(file).indexOf('\u0000')).isGreaterThan(8 * 1024);

        assertLoadedWithTheNameFlagged(receive(file, "64.72"), "64.72");
    }

    @Test
    void loadsAnXlsxWithANulAfterItsFirstEightKilobytesAndFlagsTheCell() throws IOException {
        List<List<String>> rows = TestWorkbooks.victims(100);
        // Excel writes a control character of a cell as this escape.
        rows.get(89).set(3, "Korban_x0000_ Nomor 90");
        Path file = TestWorkbooks.xlsx(files.resolve("nul.xlsx"), rows);
        assertThat(Files.size(file)).isGreaterThan(8 * 1024);

        assertLoadedWithTheNameFlagged(receive(file, "64.71"), "64.71");
    }

    @Test
    void refusesACellBeyondTheConfiguredLimitAsTooLarge() throws IOException {
        List<List<String>> rows = TestWorkbooks.victims(3);
        rows.get(1).set(14, "catatan ".repeat(300));
        Path file = TestWorkbooks.csv(files.resolve("panjang.csv"), rows);

        FileOutcome report = receive(file, "64.74");

        assertThat(report.status()).isEqualTo(LoadStatus.QUARANTINED);
        assertThat(report.error().code()).isEqualTo("F_TOO_LARGE");
        assertThat(report.error().messageEn()).contains("panjang.csv", "row 3", "more than 2000 characters");
        assertThat(report.error().messageId()).contains("panjang.csv", "baris 3", "lebih dari 2000 karakter");
    }

    private void assertLoadedWithTheNameFlagged(FileOutcome report, String office) {
        assertThat(report.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(report.inserted()).isEqualTo(100);
        assertThat(report.warningsByCode()).containsEntry("W_CHARACTER_REMOVED", 1L);
        Map<String, Object> flag = jdbc.sql("""
                select v.victim_name, f.field, f.column_header, f.value, f.message_id, f.message_en
                  from warehouse.victim_flag f join warehouse.victim v on v.id = f.victim_id
                 where v.office_code = ? and f.code = 'W_CHARACTER_REMOVED'
                """).param(office).query().singleRow();
        assertThat(flag).containsEntry("victim_name", "Korban Nomor 90").containsEntry("field", "victim_name")
                .containsEntry("column_header", "Nama Korban").containsEntry("value", "Korban Nomor 90");
        assertThat((String) flag.get("message_id")).contains("'Nama Korban'", "NUL");
        assertThat((String) flag.get("message_en")).contains("'Nama Korban'", "cannot be stored");
    }

    private FileOutcome receive(Path file, String office) {
        return reception.receive(file, office, file.getFileName().toString(), FileSource.COMMAND_LINE);
    }
}
