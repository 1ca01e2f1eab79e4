package org.gugus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.gugus.intake.FileOutcome;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.intake.LoadStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class BadInputIntegrationTests {

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    FileRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path files;

    @Test
    void quarantinesRandomBytesNamedXlsxAsUnreadable() throws IOException {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path file = Files.write(files.resolve("kukar-2024-06.xlsx"), noise);

        FileOutcome delivery = reception.receive(file, "64.02", "kukar-2024-06.xlsx", FileSource.COMMAND_LINE);

        assertQuarantinedAndKept(delivery, "F_UNREADABLE");
        assertThat(delivery.error().messageEn()).contains("kukar-2024-06.xlsx");
    }

    @Test
    void quarantinesAFileOfAnUnsupportedKindAsUnreadable() throws IOException {
        Path file = Files.writeString(files.resolve("laporan.pdf"), "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<<>>\nendobj\n");

        FileOutcome delivery = reception.receive(file, "64.02", "laporan.pdf", FileSource.COMMAND_LINE);

        assertQuarantinedAndKept(delivery, "F_UNREADABLE");
    }

    @Test
    void quarantinesAnEmptyFile() throws IOException {
        Path file = Files.write(files.resolve("kosong.csv"), new byte[0]);

        FileOutcome delivery = reception.receive(file, "64.02", "kosong.csv", FileSource.COMMAND_LINE);

        assertQuarantinedAndKept(delivery, "F_EMPTY");
    }

    @Test
    void quarantinesAHeaderWithoutDataRows() {
        Path file = TestWorkbooks.csv(files.resolve("hanya-judul.csv"), List.of());

        FileOutcome delivery = reception.receive(file, "64.02", "hanya-judul.csv", FileSource.COMMAND_LINE);

        assertQuarantinedAndKept(delivery, "F_EMPTY");
    }

    @Test
    void quarantinesAFileWithoutTheTemplateHeader() throws IOException {
        Path file = Files.writeString(files.resolve("rekap.csv"), "Bulan;Jumlah\nJanuari;4\nFebruari;2\n");

        FileOutcome delivery = reception.receive(file, "64.02", "rekap.csv", FileSource.COMMAND_LINE);

        assertQuarantinedAndKept(delivery, "F_NO_HEADER");
    }

    @Test
    void namesTheMissingRequiredColumns() throws IOException {
        Path file = Files.writeString(files.resolve("kurang.csv"),
                "No. Registrasi;Tanggal Lapor;Nama Korban;Jenis Kelamin;Umur\nTPPO/1;05/06/2024;Korban;P;17\n");

        FileOutcome delivery = reception.receive(file, "64.02", "kurang.csv", FileSource.COMMAND_LINE);

        assertQuarantinedAndKept(delivery, "F_MISSING_COLUMN");
        assertThat(delivery.error().messageEn()).contains("origin_regency", "exploitation", "row 1");
    }

    @Test
    void quarantinesAFileOfAnUnknownOffice() {
        Path file = TestWorkbooks.csv(files.resolve("data.csv"), TestWorkbooks.victims(2));

        FileOutcome delivery = reception.receive(file, "65.01", "data.csv", FileSource.DROP_FOLDER);

        assertThat(delivery.status()).isEqualTo(LoadStatus.QUARANTINED);
        assertThat(delivery.error().code()).isEqualTo("F_UNKNOWN_OFFICE");
        assertThat(delivery.error().messageId()).contains("65.01", "inbox/64.72/");
    }

    private void assertQuarantinedAndKept(FileOutcome delivery, String code) {
        assertThat(delivery.status()).isEqualTo(LoadStatus.QUARANTINED);
        assertThat(delivery.error().code()).isEqualTo(code);
        assertThat(delivery.error().messageId()).isNotBlank();
        assertThat(Files.exists(registry.find(delivery.fileId()).landingPath())).isTrue();
        assertThat(jdbc.sql("select status || ' ' || error_code from ingest.received_file where id = ?")
                .param(delivery.fileId()).query(String.class).single()).isEqualTo("QUARANTINED " + code);
        assertThat(jdbc.sql("select count(*) from warehouse.victim where source_file_id = ?").param(delivery.fileId())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from warehouse.rejected_row where file_id = ?").param(delivery.fileId())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from warehouse.staged_row where file_id = ?").param(delivery.fileId())
                .query(Long.class).single()).isZero();
    }
}
