package org.gugus.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsWorkbookReaderTests {

    private static final Path SAVED_BY_LIBREOFFICE = Path.of("src/test/resources/workbooks");

    @TempDir
    Path dir;

    @Test
    void readsSheetsOfAWorkbookSavedByLibreOfficeInOrder() throws Exception {
        List<SheetRow> rows = readAll(SAVED_BY_LIBREOFFICE.resolve("several-sheets.xls"));

        assertThat(rows.stream().map(SheetRow::sheet).distinct()).containsExactly("Januari", "Rekap", "Februari",
                "Grafik");
        assertThat(rows.get(0).rowNumber()).isEqualTo(1);
        assertThat(rows.get(1).cell(1).text()).isEqualTo("No. Registrasi");
    }

    @Test
    void fillsVerticallyMergedCellsIntoEveryRowOfTheRange() throws Exception {
        List<SheetRow> rows = readAll(SAVED_BY_LIBREOFFICE.resolve("merged-cases.xls"));

        assertThat(rows.subList(1, 4)).allSatisfy(row -> assertThat(row.cell(1).text()).isEqualTo("TPPO/SMD/0001"));
    }

    @Test
    void readsDatesNumbersAndCachedFormulaResults() throws Exception {
        List<SheetRow> rows = readAll(SAVED_BY_LIBREOFFICE.resolve("cells.xls"));

        assertThat(rows.get(1).cell(2).kind()).isEqualTo(CellValue.Kind.DATE);
        assertThat(rows.get(1).cell(2).text()).isEqualTo("2024-06-05");
        assertThat(rows.get(2).cell(2).text()).isEqualTo("45448");
        assertThat(rows.get(2).cell(6).text()).isEqualTo("17");
        assertThat(rows.get(3).cell(3).text()).isEqualTo("Korban Nomor 3");
        assertThat(rows.get(5).cell(4).kind()).isEqualTo(CellValue.Kind.NUMBER);
        assertThat(rows.get(5).cell(4).text()).isEqualTo("6472011203900000");
    }

    @Test
    void refusesAPasswordProtectedXlsSayingSo() throws Exception {
        Path file = dir.resolve("rahasia.xls");
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            workbook.createSheet("Data").createRow(0).createCell(0).setCellValue("Nama Korban");
            Biff8EncryptionKey.setCurrentUserPassword("rahasia");
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }

        assertThatExceptionOfType(UnreadableFileException.class)
                .isThrownBy(() -> readAll(file))
                .satisfies(ex -> assertThat(ex.messageId()).contains("kata sandi"))
                .satisfies(ex -> assertThat(ex.messageEn()).contains("password-protected"));
    }

    @Test
    void refusesATruncatedXls() throws Exception {
        byte[] whole = Files.readAllBytes(SAVED_BY_LIBREOFFICE.resolve("title-rows.xls"));
        Path file = Files.write(dir.resolve("terpotong.xls"), Arrays.copyOf(whole, 3000));

        assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> readAll(file));
    }

    private static List<SheetRow> readAll(Path file) throws UnreadableFileException {
        try (WorkbookReader reader = WorkbookReaders.open(file, file.getFileName().toString())) {
            assertThat(reader.format()).isEqualTo(SpreadsheetFormat.XLS);
            List<SheetRow> rows = new ArrayList<>();
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
            return rows;
        }
    }
}
