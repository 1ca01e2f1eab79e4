package org.gugus.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.gugus.IntegrationTest;
import org.gugus.LayoutWorkbooks;
import org.gugus.TestWorkbooks;
import org.gugus.intake.FileOutcome;
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
 * Workbooks of the template's layouts loaded end to end, from reception to the warehouse, with the
 * counts of the load report; and the file-level refusals of unreadable and oversized files. The
 * limits are lowered here so that small files can exceed them.
 */
@SpringBootTest(properties = { "gugus.ingest.resume-on-start=false", "gugus.intake.max-rows=500",
        "gugus.ingest.max-file-bytes=3000000" })
class WorkbookLayoutIntegrationTests {

    private static final Path SAVED_BY_LIBREOFFICE = Path.of("src/test/resources/workbooks");

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
    void loadsAHeaderWrittenOnTwoMergedRows() {
        Path file = LayoutWorkbooks.xlsx("two-row-header", files.resolve("paser-2024.xlsx"));

        FileOutcome report = receive(file, "64.01");

        assertThat(report.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(report.format()).isEqualTo("XLSX");
        assertThat(report.rowsRead()).isEqualTo(2);
        assertThat(report.inserted()).isEqualTo(2);
    }

    @Test
    void givesTheMergedCellsOfACaseToEachOfItsVictimsInAnXlsSavedByLibreOffice() {
        FileOutcome report = receive(SAVED_BY_LIBREOFFICE.resolve("merged-cases.xls"), "64.02");

        assertThat(report.format()).isEqualTo("XLS");
        assertThat(report.rowsRead()).isEqualTo(6);
        assertThat(report.inserted()).isEqualTo(6);
        assertThat(report.rejected()).isZero();
        assertThat(jdbc.sql("select count(*) from warehouse.victim v join warehouse.tppo_case c on c.id = v.case_id"
                + " where v.office_code = '64.02' and c.case_number = ?")
                .param("TPPO/SMD/0001").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void loadsEverySheetWithAHeaderAndNamesTheOthersInAnOdsSavedByLibreOffice() {
        FileOutcome report = receive(SAVED_BY_LIBREOFFICE.resolve("several-sheets.ods"), "64.03");

        assertThat(report.format()).isEqualTo("ODS");
        assertThat(report.rowsRead()).isEqualTo(5);
        assertThat(report.inserted()).isEqualTo(5);
        assertThat(report.skippedSheets()).containsExactly("Rekap", "Grafik");
    }

    @Test
    void countsBlankColumnNumberTotalAndSignatureRowsAsSkipped() {
        for (Path file : new Path[] { SAVED_BY_LIBREOFFICE.resolve("title-rows.xls"),
                SAVED_BY_LIBREOFFICE.resolve("title-rows.ods"),
                LayoutWorkbooks.xlsx("title-rows", files.resolve("title-rows.xlsx")) }) {
            FileOutcome report = receive(file, "64.07");

            // 1 row of column numbers, 1 blank row in the data, 1 "Jumlah", 1 blank row,
            // 6 signature rows and the 2 blank rows among them
            assertThat(report.rowsRead()).as(file.toString()).isEqualTo(4);
            assertThat(report.skipped()).as(file.toString()).isEqualTo(12);
            assertThat(report.reconciles()).isTrue();
        }
    }

    @Test
    void rejectsANikTypedAsANumberOrInScientificNotation() {
        FileOutcome report = receive(SAVED_BY_LIBREOFFICE.resolve("cells.ods"), "64.08");

        assertThat(report.rowsRead()).isEqualTo(6);
        assertThat(report.rejectionsByCode()).containsEntry("E_NIK_PRECISION", 1L).containsEntry("E_NIK_FORMAT", 1L);
        assertThat(report.inserted()).isEqualTo(4);
    }

    @Test
    void quarantinesAPasswordProtectedWorkbookAsUnreadableSayingWhy() throws IOException {
        Path file = Files.write(files.resolve("rahasia.ods"), Files.readAllBytes(SAVED_BY_LIBREOFFICE.resolve("cells.ods")));
        file = withEntry(file, "META-INF/manifest.xml", ("<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:"
                + "opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"content.xml\">"
                + "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>").getBytes(StandardCharsets.UTF_8));

        FileOutcome report = receive(file, "64.09");

        assertThat(report.status()).isEqualTo(LoadStatus.QUARANTINED);
        assertThat(report.error().code()).isEqualTo("F_UNREADABLE");
        assertThat(report.error().messageEn()).contains("password-protected");
        assertThat(report.error().messageId()).contains("kata sandi");
    }

    @Test
    void quarantinesAZipBombAsTooLarge() throws IOException {
        Path file = LayoutWorkbooks.xlsx("two-row-header", files.resolve("bom.xlsx"));
        byte[] spaces = new byte[30 * 1024 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        System.arraycopy("<worksheet>".getBytes(StandardCharsets.US_ASCII), 0, spaces, 0, 11);
        file = withEntry(file, "xl/worksheets/sheet1.xml", spaces);

        FileOutcome report = receive(file, "64.11");

        assertThat(report.status()).isEqualTo(LoadStatus.QUARANTINED);
        assertThat(report.error().code()).isEqualTo("F_TOO_LARGE");
        assertThat(report.error().messageEn()).contains("ZIP bomb");
    }

    @Test
    void quarantinesAFileOverTheByteLimitAsTooLarge() throws IOException {
        byte[] noise = new byte[3_100_000];
        new Random(3).nextBytes(noise);
        Path file = Files.write(files.resolve("besar.xlsx"), noise);

        FileOutcome report = receive(file, "64.71");

        assertThat(report.error().code()).isEqualTo("F_TOO_LARGE");
    }

    @Test
    void quarantinesAFileOverTheRowLimitAsTooLarge() {
        Path file = TestWorkbooks.csv(files.resolve("banyak.csv"), TestWorkbooks.victims(501));

        FileOutcome report = receive(file, "64.74");

        assertThat(report.status()).isEqualTo(LoadStatus.QUARANTINED);
        assertThat(report.error().code()).isEqualTo("F_TOO_LARGE");
        assertThat(report.error().messageEn()).contains("500");
        assertThat(jdbc.sql("select count(*) from warehouse.victim where office_code = '64.74'").query(Long.class)
                .single()).isZero();
    }

    private FileOutcome receive(Path file, String office) {
        FileOutcome delivery = reception.receive(file, office, file.getFileName().toString(), FileSource.COMMAND_LINE);
        return delivery;
    }

    private Path withEntry(Path source, String name, byte[] content) throws IOException {
        Path target = Files.createTempFile(files, "rewritten", source.getFileName().toString());
        boolean written = false;
        try (ZipFile in = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                ZipEntry copy = new ZipEntry(entry.getName());
                if (entry.getMethod() == ZipEntry.STORED) {
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(entry.getSize());
                    copy.setCrc(entry.getCrc());
                }
                out.putNextEntry(copy);
                if (entry.getName().equals(name)) {
                    out.write(content);
                    written = true;
                } else {
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            if (!written) {
                out.putNextEntry(new ZipEntry(name));
                out.write(content);
                out.closeEntry();
            }
        }
        return target;
    }
}
