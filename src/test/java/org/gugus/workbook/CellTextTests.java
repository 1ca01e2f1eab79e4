package org.gugus.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellTextTests {

    @TempDir
    Path dir;

    @Test
    void removesNulAndSaysSo() {
        CellValue cell = CellText.text("Siti\u0000 Aminah\u0000");

        assertThat(cell.text()).isEqualTo("Siti Aminah");
        assertThat(cell.charactersRemoved()).isTrue();
    }

    @Test
    void replacesLoneSurrogatesAndKeepsPairs() {
        CellValue cell = CellText.text("R\uD800udi \uD83D\uDE00 \uDC00");

        assertThat(cell.text()).isEqualTo("R\uFFFDudi \uD83D\uDE00 \uFFFD");
        assertThat(cell.charactersRemoved()).isTrue();
    }

    @Test
    void leavesStorableTextAsItIs() {
        CellValue cell = CellText.text(" Siti\tAminah \uD83D\uDE00\u00A0");

        assertThat(cell).isEqualTo(CellValue.text("Siti\tAminah \uD83D\uDE00"));
        assertThat(cell.charactersRemoved()).isFalse();
    }

    @Test
    void readsACellOfOnlyNulAsBlank() {
        assertThat(CellText.text("\u0000\u0000").isBlank()).isTrue();
    }

    @Test
    void cleansANulDeepInACsv() throws Exception {
        String filler = "1;TPPO/1;Siti\n".repeat(1000);
        Path file = Files.write(dir.resolve("nul.csv"),
                ("No;No. Registrasi;Nama Korban\n" + filler + "1001;TPPO/2;Ru\u0000di\n").getBytes(StandardCharsets.UTF_8));

        List<SheetRow> rows = WorkbookLimitsTests.readAll(file, WorkbookLimits.DEFAULTS);

        SheetRow last = rows.get(rows.size() - 1);
        assertThat(last.rowNumber()).isEqualTo(1002);
        assertThat(last.cell(2).text()).isEqualTo("Rudi");
        assertThat(last.cell(2).charactersRemoved()).isTrue();
        assertThat(last.cell(1).charactersRemoved()).isFalse();
    }

    @Test
    void decodesExcelEscapesInXlsxAndCleansTheNulTheyCarry() throws Exception {
        Path file = dir.resolve("nul.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var row = workbook.createSheet("Juni").createRow(0);
            row.createCell(0).setCellValue("Ru_x0000_di");
            row.createCell(1).setCellValue("A_x005F_x0041_");
            row.createCell(2).setCellValue("tab_x0009_ok");
            workbook.write(out);
        }

        SheetRow row = WorkbookLimitsTests.readAll(file, WorkbookLimits.DEFAULTS).get(0);

        assertThat(row.cell(0).text()).isEqualTo("Rudi");
        assertThat(row.cell(0).charactersRemoved()).isTrue();
        assertThat(row.cell(1).text()).isEqualTo("A_x0041_");
        assertThat(row.cell(2).text()).isEqualTo("tab\tok");
        assertThat(row.cell(2).charactersRemoved()).isFalse();
    }
}
