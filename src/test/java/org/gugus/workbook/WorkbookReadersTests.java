package org.gugus.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookReadersTests {

    @TempDir
    Path dir;

    @Test
    void readsXlsx() throws Exception {
        Path file = xlsx("korban.xlsx");

        try (WorkbookReader reader = WorkbookReaders.open(file, "korban.xlsx")) {
            assertThat(reader.format()).isEqualTo(SpreadsheetFormat.XLSX);
            assertThat(reader.next().cell(0).text()).isEqualTo("Nama Korban");
        }
    }

    @Test
    void detectsXlsxRenamedToCsv() throws Exception {
        Path file = xlsx("laporan.csv");

        try (WorkbookReader reader = WorkbookReaders.open(file, "laporan.csv")) {
            assertThat(reader.format()).isEqualTo(SpreadsheetFormat.XLSX);
            SheetRow row = reader.next();
            assertThat(row.sheet()).isEqualTo("Januari");
            assertThat(row.cell(0).text()).isEqualTo("Nama Korban");
        }
    }

    @Test
    void detectsCsvRenamedToXlsxAndNamesItsSheetAfterTheOriginalName() throws Exception {
        Path file = Files.writeString(dir.resolve("stored-123"), "Nama;Umur\nSiti;17\n");

        try (WorkbookReader reader = WorkbookReaders.open(file, "Kukar Maret 2024.xlsx")) {
            assertThat(reader.format()).isEqualTo(SpreadsheetFormat.CSV);
            SheetRow row = reader.next();
            assertThat(row.sheet()).isEqualTo("Kukar Maret 2024");
            assertThat(row.cell(1).text()).isEqualTo("Umur");
        }
    }

    @Test
    void namesACsvSheetAfterTheOriginalNameWithoutFolderOrExtension() {
        Path stored = Path.of("/landing/64.72/abc");

        assertThat(WorkbookReaders.csvSheetName(stored, "C:\\Data\\Samarinda Jan.csv")).isEqualTo("Samarinda Jan");
        assertThat(WorkbookReaders.csvSheetName(stored, "rekap.2024.csv")).isEqualTo("rekap.2024");
        assertThat(WorkbookReaders.csvSheetName(stored, null)).isEqualTo("abc");
    }

    @Test
    void detectsWindows1252TextAsCsv() throws Exception {
        Path file = Files.write(dir.resolve("kukar.csv"),
                "Kabupaten;Nama\nTenggarong – Kukar;José\n".getBytes("windows-1252"));

        assertThat(WorkbookReaders.detect(file)).isEqualTo(SpreadsheetFormat.CSV);
    }

    @Test
    void refusesAnEmptyFileAsEmpty() throws Exception {
        Path file = Files.write(dir.resolve("kosong.xlsx"), new byte[0]);

        assertThatExceptionOfType(EmptyFileException.class).isThrownBy(() -> WorkbookReaders.open(file, "kosong.xlsx"))
                .satisfies(ex -> assertThat(ex.messageId()).contains("kosong"))
                .satisfies(ex -> assertThat(ex.messageEn()).contains("empty"));
    }

    @Test
    void refusesRandomBytesNamedXlsx() throws Exception {
        byte[] bytes = new byte[20_000];
        new Random(64_72).nextBytes(bytes);
        Path file = Files.write(dir.resolve("acak.xlsx"), bytes);

        assertRefused(file, "data biner", "binary data");
    }

    @Test
    void refusesAPdf() throws Exception {
        Path file = Files.write(dir.resolve("laporan.xlsx"),
                "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.US_ASCII));

        assertRefused(file, "PDF", "a PDF document");
    }

    @Test
    void refusesAWordDocument() throws Exception {
        Path file = zip("laporan.xlsx", "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>");

        assertRefused(file, "dokumen Word", "a Word document");
    }

    @Test
    void refusesAZipArchiveThatIsNotAWorkbook() throws Exception {
        Path file = zip("kiriman.xlsx", "korban.xlsx", "not really");

        assertRefused(file, "arsip ZIP", "a ZIP archive that is not a workbook");
    }

    @Test
    void refusesATruncatedXlsxAsDamaged() throws Exception {
        byte[] whole = Files.readAllBytes(xlsx("utuh.xlsx"));
        Path file = Files.write(dir.resolve("potong.xlsx"), Arrays.copyOf(whole, whole.length / 2));

        assertRefused(file, "rusak", "damaged");
    }

    @Test
    void detectsAndReadsXls() throws Exception {
        Path file = dir.resolve("lama.xls");
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            workbook.createSheet("Januari").createRow(0).createCell(0).setCellValue("Nama");
            write(workbook, file);
        }

        assertThat(WorkbookReaders.detect(file)).isEqualTo(SpreadsheetFormat.XLS);
        try (WorkbookReader reader = WorkbookReaders.open(file, "lama.xls")) {
            assertThat(reader.format()).isEqualTo(SpreadsheetFormat.XLS);
            assertThat(reader.next().cell(0).text()).isEqualTo("Nama");
        }
    }

    @Test
    void detectsAndReadsOds() throws Exception {
        Path file = zip("rekap.ods", "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml",
                "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                        + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                        + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>"
                        + "<office:spreadsheet><table:table table:name=\"Rekap\"><table:table-row><table:table-cell"
                        + " office:value-type=\"string\"><text:p>Nama</text:p></table:table-cell></table:table-row>"
                        + "</table:table></office:spreadsheet></office:body></office:document-content>");

        assertThat(WorkbookReaders.detect(file)).isEqualTo(SpreadsheetFormat.ODS);
        try (WorkbookReader reader = WorkbookReaders.open(file, "rekap.ods")) {
            SheetRow row = reader.next();
            assertThat(row.sheet()).isEqualTo("Rekap");
            assertThat(row.cell(0).text()).isEqualTo("Nama");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void refusesAPasswordProtectedXlsx() throws Exception {
        Path plain = xlsx("terbuka.xlsx");
        Path file = dir.resolve("rahasia.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("rahasia");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                Files.copy(plain, out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }

        assertRefused(file, "kata sandi", "password-protected");
    }

    @Test
    void refusesAWebPageSavedWithAnExcelName() throws Exception {
        Path file = Files.writeString(dir.resolve("export.xls"),
                "\n<html><body><table><tr><td>Nama</td></tr></table></body></html>");

        assertRefused(file, "halaman web", "a web page");
    }

    @Test
    void refusesUtf16Text() throws Exception {
        // Java's "UTF-16" encoder writes a big-endian byte order mark first.
        Path file = Files.write(dir.resolve("unicode.txt"), "Nama\tUmur\r\n".getBytes(StandardCharsets.UTF_16));

        assertRefused(file, "UTF-16", "UTF-16 text");
    }

    private void assertRefused(Path file, String inIndonesian, String inEnglish) {
        assertThatExceptionOfType(UnreadableFileException.class)
                .isThrownBy(() -> WorkbookReaders.open(file, file.getFileName().toString()))
                .isNotInstanceOf(EmptyFileException.class)
                .satisfies(ex -> assertThat(ex.messageId()).contains(inIndonesian))
                .satisfies(ex -> assertThat(ex.messageEn()).contains(inEnglish));
    }

    private Path xlsx(String name) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Januari").createRow(0).createCell(0).setCellValue("Nama Korban");
            write(workbook, file);
        }
        return file;
    }

    private static void write(Workbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }

    /** A ZIP of name/content pairs; the first entry is stored uncompressed, as ODS requires of "mimetype". */
    private Path zip(String name, String... entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < entries.length; i += 2) {
                byte[] content = entries[i + 1].getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(entries[i]);
                if (i == 0) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    entry.setCrc(crc.getValue());
                }
                out.putNextEntry(entry);
                out.write(content);
                out.closeEntry();
            }
        }
        return file;
    }
}
