package org.gugus.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookLimitsTests {

    private static final Path SAVED_BY_LIBREOFFICE = Path.of("src/test/resources/workbooks");

    private static final WorkbookLimits TIGHT = new WorkbookLimits(5, 12, 3);

    @TempDir
    Path dir;

    @Test
    void refusesACsvCellLongerThanTheCellLimitNamingItsRow() throws IOException {
        Path file = dir.resolve("panjang.csv");
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("No;Nama Korban\n1;Siti\n2;");
            letters(out, 1_000_000);
            out.write("\n3;Rudi\n");
        }

        assertThatExceptionOfType(TooLargeFileException.class).isThrownBy(() -> readAll(file, WorkbookLimits.DEFAULTS))
                .satisfies(ex -> assertThat(ex.messageEn()).contains("row 3", "more than 32767 characters"))
                .satisfies(ex -> assertThat(ex.messageId()).contains("baris 3", "lebih dari 32767 karakter"));
    }

    @Test
    void refusesACsvLineOfMoreFieldsThanTheColumnLimit() throws IOException {
        Path file = dir.resolve("lebar.csv");
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("No,Nama Korban\n");
            for (int i = 0; i < 100_000; i++) {
                out.write("a,");
            }
        }

        assertThatExceptionOfType(TooLargeFileException.class).isThrownBy(() -> readAll(file, WorkbookLimits.DEFAULTS))
                .satisfies(ex -> assertThat(ex.messageEn()).contains("row 2", "more than 16384 columns"));
    }

    @Test
    void refusesAnUnclosedQuoteThatSwallowsTheRestOfACsv() throws IOException {
        Path file = dir.resolve("kutip.csv");
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("No,Nama Korban,Alamat\n1,Siti,\"Jl. Mawar\n");
            for (int i = 0; i < 20_000; i++) {
                out.write(i + ",Korban " + i + ",Jl. Melati\n");
            }
        }

        assertThatExceptionOfType(TooLargeFileException.class).isThrownBy(() -> readAll(file, WorkbookLimits.DEFAULTS))
                .satisfies(ex -> assertThat(ex.messageEn()).contains("row 2", "characters"));
    }

    @Test
    void refusesACsvRowLongerThanTheLineLimit() throws IOException {
        Path file = Files.writeString(dir.resolve("baris.csv"), "a,b\nabcd,abcd,abcd,abcd\n");

        assertThatExceptionOfType(TooLargeFileException.class)
                .isThrownBy(() -> readAll(file, new WorkbookLimits(5, 12, 10)))
                .satisfies(ex -> assertThat(ex.messageEn()).contains("row 2 holds more than 12 characters"));
    }

    @Test
    void countsDelimitersAndLineBreaksInsideQuotesAsText() throws Exception {
        Path file = Files.writeString(dir.resolve("kutip.csv"), "No,Nama\n1,\"a,b\nc\"\n");

        List<SheetRow> rows = readAll(file, new WorkbookLimits(5, 12, 2));

        assertThat(rows.get(1).cell(1).text()).isEqualTo("a,b\nc");
    }

    @Test
    void readsACellOfExactlyTheLimit() throws Exception {
        String longest = "x".repeat(32_767);
        Path file = Files.writeString(dir.resolve("pas.csv"), "No,Catatan\n1," + longest + "\n");

        assertThat(readAll(file, WorkbookLimits.DEFAULTS).get(1).cell(1).text()).isEqualTo(longest);
    }

    @Test
    void refusesAnXlsxSharedStringLongerThanTheCellLimit() throws IOException {
        Path file = xlsx("<si><t>", 100_000, "</t></si>", "<c r=\"A1\" t=\"s\"><v>0</v></c>");

        assertThatExceptionOfType(TooLargeFileException.class).isThrownBy(() -> readAll(file, WorkbookLimits.DEFAULTS))
                .satisfies(ex -> assertThat(ex.messageEn()).contains("XLSX", "more than 32767 characters"));
    }

    @Test
    void refusesAnXlsxInlineStringLongerThanTheCellLimit() throws IOException {
        Path file = xlsx("", 0, "", "<c r=\"B4\" t=\"inlineStr\"><is><t>" + "y".repeat(40_000) + "</t></is></c>");

        assertThatExceptionOfType(TooLargeFileException.class).isThrownBy(() -> readAll(file, WorkbookLimits.DEFAULTS))
                .satisfies(ex -> assertThat(ex.messageEn()).contains("Sheet 'Juni'", "row 4", "32767"));
    }

    @Test
    void refusesAnXlsxCellBeyondTheLastColumn() throws IOException {
        Path file = xlsx("", 0, "", "<c r=\"XFE4\" t=\"inlineStr\"><is><t>jauh</t></is></c>");

        assertThatExceptionOfType(TooLargeFileException.class).isThrownBy(() -> readAll(file, WorkbookLimits.DEFAULTS))
                .satisfies(ex -> assertThat(ex.messageEn()).contains("row 4", "more than 16384 columns"));
    }

    @Test
    void holdsXlsAndOdsToTheSameLimits() {
        for (String name : List.of("cells.xls", "cells.ods")) {
            Path file = SAVED_BY_LIBREOFFICE.resolve(name);
            assertThatExceptionOfType(TooLargeFileException.class).as(name).isThrownBy(() -> readAll(file, TIGHT))
                    .satisfies(ex -> assertThat(ex.messageEn()).contains(name.endsWith("xls") ? "XLS" : "ODS"));
        }
    }

    @Test
    void readsTheSavedWorkbooksWithinTheDefaultLimits() throws Exception {
        for (String name : List.of("cells.xls", "cells.ods", "title-rows.csv", "merged-cases.xls")) {
            assertThat(readAll(SAVED_BY_LIBREOFFICE.resolve(name), WorkbookLimits.DEFAULTS)).as(name).isNotEmpty();
        }
    }

    @Test
    void refusesLimitsThatCannotHoldACell() {
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new WorkbookLimits(100, 10, 5));
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new WorkbookLimits(1, 10, 0));
    }

    /** Writes {@code length} letters that do not compress like a bomb (a cycle through the alphabet would). */
    static void letters(Writer out, long length) throws IOException {
        char[] block = new char[64 * 1024];
        long state = 42;
        for (long written = 0; written < length; written += block.length) {
            for (int i = 0; i < block.length; i++) {
                state = state * 6364136223846793005L + 1442695040888963407L;
                block[i] = (char) ('a' + (int) ((state >>> 33) % 26));
            }
            out.write(block, 0, (int) Math.min(block.length, length - written));
        }
    }

    /** A minimal XLSX: shared strings with {@code letters} letters between {@code before} and {@code after}, one sheet row 4. */
    private Path xlsx(String before, long letters, String after, String cells) throws IOException {
        Path template = dir.resolve("template.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(template)) {
            workbook.createSheet("Juni").createRow(0).createCell(0).setCellValue("judul");
            workbook.write(out);
        }
        Path file = dir.resolve("buatan.xlsx");
        try (ZipFile zip = new ZipFile(template.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/sharedStrings.xml")) {
                    Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    text.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\""
                            + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>judul</t></si>" + before);
                    letters(text, letters);
                    text.write(after + "</sst>");
                    text.flush();
                }
                else if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                            + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                            + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"4\">" + cells
                            + "</row></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
                }
                else {
                    zip.getInputStream(entry).transferTo(out);
                }
                out.closeEntry();
            }
        }
        return file;
    }

    static List<SheetRow> readAll(Path file, WorkbookLimits limits) throws UnreadableFileException {
        List<SheetRow> rows = new ArrayList<>();
        try (WorkbookReader reader = WorkbookReaders.open(file, file.getFileName().toString(), limits)) {
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
