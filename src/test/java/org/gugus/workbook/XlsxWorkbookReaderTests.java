package org.gugus.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook;

class XlsxWorkbookReaderTests {

    @TempDir
    Path dir;

    @Test
    void readsTitleHeaderAndDataRowsWithExcelRowNumbers() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Januari");
            sheet.createRow(0).createCell(0).setCellValue("DATA KORBAN TPPO KOTA SAMARINDA TAHUN 2024");
            row(sheet, 2, "No", "Nama Korban", "Jenis Kelamin");
            row(sheet, 3, "1", "Siti Aminah", "P");
            row(sheet, 4, "2", "Rudi", "L");

            List<SheetRow> rows = readAll(write(workbook));

            assertThat(rows).extracting(SheetRow::rowNumber).containsExactly(1, 3, 4, 5);
            assertThat(rows).extracting(SheetRow::sheet).containsOnly("Januari");
            assertThat(texts(rows.get(1))).containsExactly("No", "Nama Korban", "Jenis Kelamin");
            assertThat(texts(rows.get(2))).containsExactly("1", "Siti Aminah", "P");
            assertThat(rows.get(2).cell(1).kind()).isEqualTo(CellValue.Kind.TEXT);
        }
    }

    @Test
    void readsSheetsInWorkbookOrderWithTheirNames() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            row(workbook.createSheet("Januari"), 0, "jan");
            row(workbook.createSheet("Februari"), 0, "feb");
            row(workbook.createSheet("Rekap"), 0, "rekap");
            workbook.createSheet("Kosong");
            workbook.setSheetOrder("Rekap", 0);

            List<SheetRow> rows = readAll(write(workbook));

            assertThat(rows).extracting(SheetRow::sheet).containsExactly("Rekap", "Januari", "Februari");
            assertThat(rows).extracting(row -> row.cell(0).text()).containsExactly("rekap", "jan", "feb");
        }
    }

    @Test
    void readsNumericNikAsItsDigitsWithoutScientificNotation() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row row = workbook.createSheet("Data").createRow(0);
            // Excel keeps 15 significant digits: a NIK typed as a number is stored like this.
            row.createCell(0).setCellValue(6472015001900000d);
            row.createCell(1).setCellValue(17d);
            row.createCell(2).setCellValue(2.50d);
            row.createCell(3).setCellValue(0.1 + 0.2);

            SheetRow read = readAll(write(workbook)).get(0);

            assertThat(read.cell(0).kind()).isEqualTo(CellValue.Kind.NUMBER);
            assertThat(read.cell(0).text()).isEqualTo("6472015001900000");
            assertThat(read.cell(0).number()).isEqualTo(6472015001900000d);
            assertThat(texts(read)).containsExactly("6472015001900000", "17", "2.5", "0.3");
        }
    }

    @Test
    void keepsEveryDigitOfALargeWholeNumberAsStored() {
        assertThat(CellNumbers.asShown(6472015001900001d)).isEqualTo("6472015001900001");
        assertThat(CellNumbers.asShown(81234567890d)).isEqualTo("81234567890");
        assertThat(CellNumbers.asShown(-0.0d)).isEqualTo("0");
    }

    @Test
    void readsDateCellsAsDates() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle custom = workbook.createCellStyle();
            custom.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle builtin = workbook.createCellStyle();
            builtin.setDataFormat((short) 14);
            Row row = workbook.createSheet("Data").createRow(0);
            row.createCell(0).setCellValue(LocalDate.of(2024, 3, 15));
            row.getCell(0).setCellStyle(custom);
            row.createCell(1).setCellValue(LocalDateTime.of(2023, 12, 31, 14, 30));
            row.getCell(1).setCellStyle(builtin);
            row.createCell(2).setCellValue(45366d);

            SheetRow read = readAll(write(workbook)).get(0);

            assertThat(read.cell(0).kind()).isEqualTo(CellValue.Kind.DATE);
            assertThat(read.cell(0).text()).isEqualTo("2024-03-15");
            assertThat(read.cell(0).dateTime()).isEqualTo(LocalDateTime.of(2024, 3, 15, 0, 0));
            assertThat(read.cell(1).dateTime()).isEqualTo(LocalDateTime.of(2023, 12, 31, 14, 30));
            assertThat(read.cell(2).kind()).as("a number in General format stays a number")
                    .isEqualTo(CellValue.Kind.NUMBER);
        }
    }

    @Test
    void readsDatesOfWorkbooksCountingFrom1904() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CTWorkbook ct = workbook.getCTWorkbook();
            (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat((short) 14);
            Row row = workbook.createSheet("Data").createRow(0);
            row.createCell(0).setCellValue(LocalDate.of(2024, 3, 15));
            row.getCell(0).setCellStyle(date);

            Path file = write(workbook);
            assertThat(entryText(file, "xl/workbook.xml")).contains("date1904=\"true\"");
            assertThat(entryText(file, "xl/worksheets/sheet1.xml")).as("serial counted from 1904")
                    .contains("<v>43904.0</v>");

            assertThat(readAll(file).get(0).cell(0).text()).isEqualTo("2024-03-15");
        }
    }

    @Test
    void readsTheCachedValueOfFormulas() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row row = workbook.createSheet("Data").createRow(0);
            row.createCell(0).setCellValue(21);
            row.createCell(1).setCellFormula("A1*2");
            row.createCell(2).setCellValue("Samarinda");
            row.createCell(3).setCellFormula("UPPER(C1)&\" \"");
            row.createCell(4).setCellFormula("A1>20");
            row.createCell(5).setCellFormula("1/0");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();

            SheetRow read = readAll(write(workbook)).get(0);

            assertThat(read.cell(1).kind()).isEqualTo(CellValue.Kind.NUMBER);
            assertThat(read.cell(1).text()).isEqualTo("42");
            assertThat(read.cell(3).text()).isEqualTo("SAMARINDA");
            assertThat(read.cell(4)).isEqualTo(new CellValue("TRUE", CellValue.Kind.BOOLEAN, null, null));
            assertThat(read.cell(5)).isEqualTo(new CellValue("#DIV/0!", CellValue.Kind.ERROR, null, null));
        }
    }

    @Test
    void readsBooleanAndErrorCells() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row row = workbook.createSheet("Data").createRow(0);
            row.createCell(0).setCellValue(false);
            row.createCell(1).setCellErrorValue(FormulaError.NA.getCode());

            SheetRow read = readAll(write(workbook)).get(0);

            assertThat(read.cell(0)).isEqualTo(new CellValue("FALSE", CellValue.Kind.BOOLEAN, null, null));
            assertThat(read.cell(1)).isEqualTo(new CellValue("#N/A", CellValue.Kind.ERROR, null, null));
        }
    }

    @Test
    void readsGapsBetweenCellsAsBlankCellsAndKeepsRowNumberGaps() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Data");
            Row first = sheet.createRow(0);
            first.createCell(0).setCellValue("a");
            first.createCell(3).setCellValue("d");
            first.createCell(5).setCellValue("   ");
            sheet.createRow(4).createCell(2).setCellValue("c");

            List<SheetRow> rows = readAll(write(workbook));

            assertThat(rows).extracting(SheetRow::rowNumber).containsExactly(1, 5);
            assertThat(rows.get(0).cells()).containsExactly(CellValue.text("a"), CellValue.BLANK, CellValue.BLANK,
                    CellValue.text("d"));
            assertThat(rows.get(1).cells()).containsExactly(CellValue.BLANK, CellValue.BLANK, CellValue.text("c"));
        }
    }

    @Test
    void skipsRowsWithoutAnyValue() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle bordered = workbook.createCellStyle();
            bordered.setBorderBottom(BorderStyle.THIN);
            Sheet sheet = workbook.createSheet("Data");
            row(sheet, 0, "header");
            Row styledOnly = sheet.createRow(1);
            styledOnly.createCell(0).setCellStyle(bordered);
            styledOnly.createCell(1).setCellValue("");
            row(sheet, 2, "Jumlah");

            assertThat(readAll(write(workbook))).extracting(SheetRow::rowNumber).containsExactly(1, 3);
        }
    }

    @Test
    void trimsTextAndTreatsNonBreakingSpacesAsSpaces() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            row(workbook.createSheet("Data"), 0, "  Siti\u00A0Aminah\u00A0 ", "\u00A0");

            SheetRow read = readAll(write(workbook)).get(0);

            assertThat(read.cells()).containsExactly(CellValue.text("Siti Aminah"));
        }
    }

    @Test
    void readsInlineStringsWrittenByAStreamingWriter() throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("Data");
            for (int i = 0; i < 5_000; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("Korban " + i);
                row.createCell(1).setCellValue(i);
            }
            Path file = dir.resolve("besar.xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            assertThat(entryText(file, "xl/worksheets/sheet1.xml")).contains("inlineStr");

            List<SheetRow> rows = readAll(file);

            assertThat(rows).hasSize(5_000);
            assertThat(texts(rows.get(4_999))).containsExactly("Korban 4999", "4999");
            assertThat(rows.get(4_999).rowNumber()).isEqualTo(5_000);
        }
    }

    @Test
    void refusesADamagedSheetNamingTheSheet() throws Exception {
        Path file;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            row(workbook.createSheet("Maret"), 0, "ok");
            file = write(workbook);
        }
        Path damaged = rewriteEntry(file, "xl/worksheets/sheet1.xml", out -> out.write(
                "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c>"
                        .getBytes(StandardCharsets.UTF_8)));

        try (WorkbookReader reader = XlsxWorkbookReader.open(damaged)) {
            assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> drain(reader))
                    .satisfies(ex -> assertThat(ex.messageId()).contains("Lembar 'Maret'"))
                    .satisfies(ex -> assertThat(ex.messageEn()).contains("Sheet 'Maret'"));
        }
    }

    @Test
    void refusesASheetThatInflatesLikeAZipBomb() throws Exception {
        Path file;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            row(workbook.createSheet("Data"), 0, "ok");
            file = write(workbook);
        }
        byte[] spaces = new byte[1024 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        Path bomb = rewriteEntry(file, "xl/worksheets/sheet1.xml", out -> {
            out.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20; i++) {
                out.write(spaces);
            }
            out.write("<sheetData/></worksheet>".getBytes(StandardCharsets.UTF_8));
        });

        assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> {
            try (WorkbookReader reader = XlsxWorkbookReader.open(bomb)) {
                drain(reader);
            }
        }).satisfies(ex -> assertThat(ex.messageEn()).contains("ZIP bomb"));
    }

    @Test
    void neverResolvesEntitiesDeclaredInASheet() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "rahasia-server");
        Path file;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            row(workbook.createSheet("Data"), 0, "ok");
            file = write(workbook);
        }
        Path hostile = rewriteEntry(file, "xl/worksheets/sheet1.xml", out -> out.write(("<?xml version=\"1.0\"?>"
                + "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row>"
                + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8)));

        try (WorkbookReader reader = XlsxWorkbookReader.open(hostile)) {
            assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> drain(reader));
        }
    }

    @Test
    void readsRowsAndCellsWithoutReferencesUnderAPrefixedNamespace() throws Exception {
        Path file;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            row(workbook.createSheet("Data"), 0, "ok");
            file = write(workbook);
        }
        Path prefixed = rewriteEntry(file, "xl/worksheets/sheet1.xml", out -> out.write(("<?xml version=\"1.0\"?>"
                + "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
                + "<x:row><x:c t=\"inlineStr\"><x:is><x:t>No</x:t></x:is></x:c><x:c t=\"inlineStr\"><x:is>"
                + "<x:t>Nama</x:t></x:is></x:c></x:row>"
                + "<x:row><x:c><x:v>1</x:v></x:c><x:c r=\"D2\" t=\"str\"><x:f>B1&amp;\"!\"</x:f><x:v>Siti &amp; Rudi</x:v>"
                + "</x:c><x:c><x:v>2.5</x:v></x:c></x:row>"
                + "<x:row r=\"9\"><x:c t=\"b\"><x:v>1</x:v></x:c></x:row>"
                + "</x:sheetData></x:worksheet>").getBytes(StandardCharsets.UTF_8)));

        List<SheetRow> rows = readAll(prefixed);

        assertThat(rows).extracting(SheetRow::rowNumber).containsExactly(1, 2, 9);
        assertThat(texts(rows.get(0))).containsExactly("No", "Nama");
        assertThat(texts(rows.get(1))).containsExactly("1", "", "", "Siti & Rudi", "2.5");
        assertThat(rows.get(1).cell(4).number()).isEqualTo(2.5);
        assertThat(rows.get(2).cell(0).kind()).isEqualTo(CellValue.Kind.BOOLEAN);
    }

    @Test
    void readsRichTextSharedStringsStoredAfterTheSheet() throws Exception {
        Path file;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            row(workbook.createSheet("Data"), 0, "satu", "dua");
            file = write(workbook);
        }
        Path rich = rewriteEntry(file, "xl/sharedStrings.xml", out -> out.write(("<?xml version=\"1.0\"?>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"2\">"
                + "<si><r><rPr><b/></rPr><t>Kutai </t></r><r><t xml:space=\"preserve\">Kartanegara</t></r>"
                + "<rPh sb=\"0\" eb=\"1\"><t>fonetik</t></rPh></si>"
                + "<si><t>Bont\u00e1ng_x000D_&#10;Utara \ud83d\ude00</t></si></sst>").getBytes(StandardCharsets.UTF_8)));
        Path reordered = sharedStringsLast(rich);

        List<SheetRow> rows = readAll(reordered);

        assertThat(texts(rows.get(0))).containsExactly("Kutai Kartanegara", "Bont\u00e1ng\r\nUtara \ud83d\ude00");
    }

    @Test
    void givesTheValueOfAMergedRangeWrittenAfterTheRowsToEachOfItsRows() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Data");
            row(sheet, 0, "No. Registrasi", "Nama");
            row(sheet, 1, "TPPO/1", "Siti");
            row(sheet, 2, "", "Rudi");
            sheet.addMergedRegion(CellRangeAddress.valueOf("A2:A3"));
            row(workbook.createSheet("Kedua"), 0, "tanpa gabungan");

            List<SheetRow> rows = readAll(write(workbook));

            assertThat(texts(rows.get(2))).containsExactly("TPPO/1", "Rudi");
            assertThat(rows.get(3).sheet()).isEqualTo("Kedua");
        }
    }

    @Test
    void givesEveryRowTheTextOfASharedStringRepeatedAcrossRowsWhateverItsIndexOrLength() throws Exception {
        // the first shared strings' short texts are made cells once (XlsxWorkbookReader.KEPT_STRINGS); later
        // strings, and long ones, each time: every row still shows its own cell's text
        String longText = "Rumah Aman, Visum, Pendampingan Hukum, Pemulangan ke Daerah Asal, Reintegrasi Sosial";
        int rows = XlsxWorkbookReader.KEPT_STRINGS + 200;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), 100, false, true)) {
            Sheet sheet = workbook.createSheet("Data");
            for (int i = 0; i < rows; i++) {
                row(sheet, i, "TPPO/" + i, i % 2 == 0 ? "P" : "L", longText, " Kota Samarinda\u00a0");
            }
            List<SheetRow> read = readAll(write(workbook));

            assertThat(read).hasSize(rows);
            for (int i = 0; i < rows; i++) {
                assertThat(texts(read.get(i))).as("row %d", i + 1)
                        .containsExactly("TPPO/" + i, i % 2 == 0 ? "P" : "L", longText, "Kota Samarinda");
            }
            assertThat(read.get(rows - 1).cell(3).charactersRemoved()).isFalse();
            assertThat(read.get(rows - 1).cell(1)).isEqualTo(CellValue.text("L"));
            // the same short text of an early string is one cell, a value no row changes
            assertThat(read.get(rows - 1).cell(1)).isSameAs(read.get(1).cell(1));
        }
    }

    @Test
    void keepsTheCharactersRemovedOfASharedStringGivenToManyRows() throws Exception {
        Path file;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Data");
            row(sheet, 0, "a");
            row(sheet, 1, "a");
            file = write(workbook);
        }
        Path nul = rewriteEntry(file, "xl/sharedStrings.xml", out -> out.write(("<?xml version=\"1.0\"?>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"2\">"
                + "<si><t>Si_x0000_ti</t></si></sst>").getBytes(StandardCharsets.UTF_8)));

        List<SheetRow> rows = readAll(nul);

        assertThat(rows).hasSize(2);
        for (SheetRow row : rows) {
            assertThat(row.cell(0).text()).isEqualTo("Siti");
            assertThat(row.cell(0).charactersRemoved()).isTrue();
        }
    }

    @Test
    void readsNumbersAsWrittenByEveryWriter() throws Exception {
        Path file;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            row(workbook.createSheet("Data"), 0, "ok");
            file = write(workbook);
        }
        String[] written = { "16.0", "-3", "007", "1.5", "1E3", "-0.0", "5.", "123456789012345678", " 42 ", "6472011203900001" };
        StringBuilder cells = new StringBuilder();
        for (String value : written) {
            cells.append("<c><v>").append(value).append("</v></c>");
        }
        Path numbers = rewriteEntry(file, "xl/worksheets/sheet1.xml", out -> out.write(("<worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">" + cells
                + "</row></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8)));

        SheetRow row = readAll(numbers).get(0);

        assertThat(texts(row)).containsExactly("16", "-3", "7", "1.5", "1000", "0", "5", "123456789012345680", "42",
                "6472011203900001");
        assertThat(row.cells()).extracting(CellValue::number).containsExactly(16.0, -3.0, 7.0, 1.5, 1000.0, -0.0, 5.0,
                123456789012345678.0, 42.0, 6472011203900001.0);
    }

    @Test
    void findsTheColumnOfACellReference() {
        assertThat(XlsxWorkbookReader.columnOf("A1", -1)).isZero();
        assertThat(XlsxWorkbookReader.columnOf("C5", -1)).isEqualTo(2);
        assertThat(XlsxWorkbookReader.columnOf("AA10", -1)).isEqualTo(26);
        assertThat(XlsxWorkbookReader.columnOf("XFD1048576", -1)).isEqualTo(16_383);
        assertThat(XlsxWorkbookReader.columnOf(null, 7)).isEqualTo(7);
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    private Path write(Workbook workbook) throws IOException {
        Path file = Files.createTempFile(dir, "korban", ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    private static List<SheetRow> readAll(Path file) throws UnreadableFileException {
        try (WorkbookReader reader = XlsxWorkbookReader.open(file)) {
            return drain(reader);
        }
    }

    private static List<SheetRow> drain(WorkbookReader reader) throws UnreadableFileException {
        List<SheetRow> rows = new ArrayList<>();
        for (SheetRow row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    private static List<String> texts(SheetRow row) {
        return row.cells().stream().map(CellValue::text).toList();
    }

    private static String entryText(Path zip, String entry) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile()); InputStream in = file.getInputStream(file.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The same workbook with its shared strings as the last entry of the zip, after the sheets. */
    private Path sharedStringsLast(Path source) throws IOException {
        Path target = Files.createTempFile(dir, "reordered", ".xlsx");
        try (ZipFile in = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            List<ZipEntry> entries = new ArrayList<>(Collections.list(in.entries()));
            entries.sort(Comparator.comparing(entry -> entry.getName().equals("xl/sharedStrings.xml")));
            for (ZipEntry entry : entries) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return target;
    }

    interface EntryWriter {

        void writeTo(OutputStream out) throws IOException;
    }

    private Path rewriteEntry(Path source, String name, EntryWriter content) throws IOException {
        Path target = Files.createTempFile(dir, "rewritten", ".xlsx");
        try (ZipFile in = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    content.writeTo(out);
                }
                else {
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return target;
    }
}
