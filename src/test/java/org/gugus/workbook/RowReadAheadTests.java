package org.gugus.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowReadAheadTests {

    @TempDir
    Path dir;

    @Test
    void givesEveryRowInTheOrderOfTheReader() throws Exception {
        Path file = workbook(3_000);

        List<SheetRow> direct = drain(XlsxWorkbookReader.open(file));
        List<SheetRow> ahead = drain(new RowReadAhead(XlsxWorkbookReader.open(file)));

        assertThat(ahead).hasSize(3_000).isEqualTo(direct);
    }

    @Test
    void givesTheRowsReadBeforeAFailureThenTheFailure() throws Exception {
        StringBuilder sheet = new StringBuilder("<worksheet><sheetData>");
        for (int r = 1; r <= 600; r++) {
            sheet.append("<row r=\"").append(r).append("\"><c t=\"inlineStr\"><is><t>Korban ").append(r)
                    .append("</t></is></c></row>");
        }
        sheet.append("<row r=\"601\"><c t=\"inlineStr\"><is><t>terpotong");
        Path damaged = withSheet(workbook(1), sheet.toString());
        String direct = assertThatExceptionOfType(UnreadableFileException.class)
                .isThrownBy(() -> drain(XlsxWorkbookReader.open(damaged))).actual().messageEn();
        List<SheetRow> rows = new ArrayList<>();

        try (WorkbookReader reader = new RowReadAhead(XlsxWorkbookReader.open(damaged))) {
            assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> {
                for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                    rows.add(row);
                }
            }).satisfies(ex -> assertThat(ex.messageEn()).contains("Sheet 'Data'").isEqualTo(direct));
        }
        assertThat(rows).hasSize(600);
        assertThat(rows.get(599).cell(0).text()).isEqualTo("Korban 600");
    }

    @Test
    void stopsItsThreadWhenClosedBeforeTheLastRow() throws Exception {
        Path file = workbook(20_000);

        try (WorkbookReader reader = new RowReadAhead(XlsxWorkbookReader.open(file))) {
            assertThat(reader.next().rowNumber()).isEqualTo(1);
        }

        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(Thread::isAlive)
                .extracting(Thread::getName).doesNotContain("gugus-workbook-rows", "gugus-workbook-read-ahead");
    }

    private Path workbook(int rows) throws IOException {
        Path file = Files.createTempFile(dir, "korban", ".xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("Data");
            for (int i = 0; i < rows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("Korban " + (i + 1));
                row.createCell(1).setCellValue(i);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    private Path withSheet(Path source, String sheet) throws IOException {
        Path target = Files.createTempFile(dir, "rusak", ".xlsx");
        try (ZipFile in = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write(sheet.getBytes(StandardCharsets.UTF_8));
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

    private static List<SheetRow> drain(WorkbookReader reader) throws UnreadableFileException {
        try (reader) {
            List<SheetRow> rows = new ArrayList<>();
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
            return rows;
        }
    }
}
