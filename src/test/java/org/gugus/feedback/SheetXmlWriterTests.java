package org.gugus.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gugus.workbook.CellValue;
import org.gugus.workbook.SheetRow;
import org.gugus.workbook.WorkbookReader;
import org.gugus.workbook.WorkbookReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answer's own sheet data writer: what it writes reads back as what was put in. */
class SheetXmlWriterTests {

    private static final List<String> AWKWARD = List.of(
            "<b>Siti & \"Nur\"</b> 'x'",
            "baris satu\nbaris dua\r\nkolom\tdua",
            "kontrol \u0001\u0008\u000B\u001F akhir",
            "bukan karakter \uFFFE\uFFFF",
            "tetap _x0041_ dan _x00e9_ seperti ditulis, _x12_ juga",
            "  spasi di depan dan belakang  ",
            "é Ñ ß 中文 😀 \u00A0nbsp",
            "=SUM(A1:A9)",
            "+62 812",
            "@kantor");

    @Test
    void readsBackEveryXmlSpecialControlAndNonLatinCharacterAsWritten() throws IOException {
        try (XSSFWorkbook book = roundTrip(sheet -> {
            for (int r = 0; r < AWKWARD.size(); r++) {
                sheet.createRow(r).createCell(0).setCellValue(AWKWARD.get(r));
            }
        })) {
            Sheet sheet = book.getSheetAt(0);
            for (int r = 0; r < AWKWARD.size(); r++) {
                XSSFCell cell = (XSSFCell) sheet.getRow(r).getCell(0);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(AWKWARD.get(r));
            }
        }
    }

    @Test
    void keepsFormulaLookingTextAsText() throws IOException {
        try (XSSFWorkbook book = roundTrip(sheet -> sheet.createRow(0).createCell(0).setCellValue("=HYPERLINK(\"x\")"))) {
            XSSFCell cell = book.getSheetAt(0).getRow(0).getCell(0);
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
        }
    }

    @Test
    void turnsALoneSurrogateIntoTheReplacementCharacter() throws IOException {
        try (XSSFWorkbook book = roundTrip(sheet -> sheet.createRow(0).createCell(0).setCellValue("a\uD83Db"))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("a\uFFFDb");
        }
    }

    @Test
    void writesNumbersAndBooleansWithTheirValueAndTypeAndCellsAtTheirAddress() throws IOException {
        double[] numbers = {0, 1, -3, 1.5, 0.1, 123456789012L, 1e20, -2.5e-7};
        int[] columns = {0, 25, 26, 701, 702, 16_383};
        try (XSSFWorkbook book = roundTrip(sheet -> {
            Row other = sheet.createRow(1_048_574);
            for (int column : columns) {
                other.createCell(column).setCellValue(column % 2 == 0);
            }
            Row row = sheet.createRow(1_048_575);
            for (int i = 0; i < numbers.length; i++) {
                row.createCell(i).setCellValue(numbers[i]);
            }
        })) {
            Sheet sheet = book.getSheetAt(0);
            Row row = sheet.getRow(1_048_575);
            for (int i = 0; i < numbers.length; i++) {
                assertThat(row.getCell(i).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(i).getNumericCellValue()).isEqualTo(numbers[i]);
            }
            Row other = sheet.getRow(1_048_574);
            assertThat(other.getPhysicalNumberOfCells()).isEqualTo(columns.length);
            for (int column : columns) {
                assertThat(other.getCell(column).getBooleanCellValue()).isEqualTo(column % 2 == 0);
            }
            assertThat(other.getCell(16_383).getAddress().formatAsString()).isEqualTo("XFD1048575");
        }
    }

    @Test
    void leavesOutTheReferenceOfACellRightOfThePreviousAndEveryReaderPutsItInItsColumn(@TempDir Path folder)
            throws Exception {
        int[] columns = {0, 1, 2, 5, 6, 27};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = AnswerBook.newWorkbook()) {
            Sheet sheet = book.createSheet("Data");
            for (int r = 0; r < 3; r++) {
                Row row = sheet.createRow(r == 2 ? 9 : r);
                for (int column : columns) {
                    row.createCell(column + (r == 1 ? 1 : 0)).setCellValue("r" + r + "c" + column);
                }
            }
            book.write(bytes);
        }
        String xml = sheetXml(bytes.toByteArray());
        // a row's first cell in column A, then each next column, without a reference; the others with theirs
        assertThat(xml).contains("<row r=\"1\">\n<c t=", "<c r=\"F1\"", "<c r=\"AB1\"", "<row r=\"2\">\n<c r=\"B2\"",
                "<c r=\"G2\"", "<c r=\"AC2\"", "<row r=\"10\">\n<c t=", "<c r=\"F10\"");
        assertThat(xml).doesNotContain("r=\"B1\"", "r=\"C1\"", "r=\"G1\"", "r=\"C2\"", "r=\"B10\"");
        Path file = Files.write(folder.resolve("jawaban.xlsx"), bytes.toByteArray());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (int r = 0; r < 3; r++) {
                Row row = book.getSheetAt(0).getRow(r == 2 ? 9 : r);
                assertThat(row.getPhysicalNumberOfCells()).isEqualTo(columns.length);
                for (int column : columns) {
                    assertThat(row.getCell(column + (r == 1 ? 1 : 0)).getStringCellValue()).isEqualTo("r" + r + "c" + column);
                }
            }
        }
        try (WorkbookReader reader = WorkbookReaders.open(file, "jawaban.xlsx")) {
            for (int r = 0; r < 3; r++) {
                SheetRow row = reader.next();
                assertThat(row.rowNumber()).isEqualTo(r == 2 ? 10 : r + 1);
                for (int column : columns) {
                    assertThat(row.cell(column + (r == 1 ? 1 : 0)).text()).isEqualTo("r" + r + "c" + column);
                }
                assertThat(row.cells().stream().filter(cell -> !cell.isBlank())).hasSize(columns.length);
            }
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void writesANumberWithoutItsDefaultTypeAndEveryReaderReadsItAsANumber(@TempDir Path folder) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = AnswerBook.newWorkbook()) {
            Row row = book.createSheet("Data").createRow(0);
            row.createCell(0).setCellValue(42);
            row.createCell(1).setCellValue(-2.5);
            row.createCell(2).setCellValue("42");
            book.write(bytes);
        }
        assertThat(sheetXml(bytes.toByteArray())).contains("<c><v>42</v></c><c><v>-2.5</v></c><c t=\"inlineStr\">")
                .doesNotContain("t=\"n\"");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Row row = book.getSheetAt(0).getRow(0);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(42);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(-2.5);
            assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.STRING);
        }
        Path file = Files.write(folder.resolve("angka.xlsx"), bytes.toByteArray());
        try (WorkbookReader reader = WorkbookReaders.open(file, "angka.xlsx")) {
            SheetRow row = reader.next();
            assertThat(row.cell(0).kind()).isEqualTo(CellValue.Kind.NUMBER);
            assertThat(row.cell(0).number()).isEqualTo(42);
            assertThat(row.cell(1).number()).isEqualTo(-2.5);
            assertThat(row.cell(2).kind()).isEqualTo(CellValue.Kind.TEXT);
        }
    }

    @Test
    void cutsATextLongerThanACellHoldsAndShowsTheCut() {
        String longText = "a".repeat(40_000);
        String fitted = AnswerBook.fit(longText);
        assertThat(fitted).hasSize(32_767).endsWith("a\u2026");
        assertThat(AnswerBook.fit("pendek")).isEqualTo("pendek");
        String surrogates = "a" + "😀".repeat(20_000);
        assertThat(Character.isHighSurrogate(AnswerBook.fit(surrogates).charAt(AnswerBook.fit(surrogates).length() - 2)))
                .isFalse();
    }

    @Test
    void writesEntriesWhoseChecksumsAndSizesHoldAcrossManyDeflatedBuffersAndEmptySheets() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = AnswerBook.newWorkbook()) {
            book.createSheet("Ringkasan").createRow(0).createCell(0).setCellValue("judul");
            Sheet data = book.createSheet("Data");
            for (int r = 0; r < 30_000; r++) {
                Row row = data.createRow(r);
                for (int c = 0; c < 5; c++) {
                    row.createCell(c).setCellValue("Korban " + r + " kolom " + c + " é");
                }
                row.createCell(5).setCellValue(r);
            }
            book.createSheet("Kosong");
            book.write(bytes);
        }
        // java.util.zip checks each entry's CRC-32 and sizes as it reads it
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                zip.readAllBytes();
                entries.add(entry.getName());
            }
        }
        assertThat(entries).contains("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(book.getSheet("Ringkasan").getRow(0).getCell(0).getStringCellValue()).isEqualTo("judul");
            Sheet data = book.getSheet("Data");
            assertThat(data.getPhysicalNumberOfRows()).isEqualTo(30_000);
            assertThat(data.getRow(29_999).getCell(4).getStringCellValue()).isEqualTo("Korban 29999 kolom 4 é");
            assertThat(data.getRow(29_999).getCell(5).getNumericCellValue()).isEqualTo(29_999);
            assertThat(book.getSheet("Kosong").getPhysicalNumberOfRows()).isZero();
        }
    }

    /** The first sheet's XML in a workbook. */
    private static String sheetXml(byte[] workbook) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalStateException("no first sheet");
    }

    private interface Filler {
        void fill(Sheet sheet);
    }

    private static XSSFWorkbook roundTrip(Filler filler) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = AnswerBook.newWorkbook()) {
            filler.fill(book.createSheet("Data"));
            book.write(bytes);
        }
        return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
