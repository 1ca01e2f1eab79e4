package org.gugus;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The layouts of the template's "Unit and delivery" section, one workbook each, as regency offices
 * write them. Tests build the XLSX here with POI; the XLS and ODS copies under
 * {@code src/test/resources/workbooks/} were saved by LibreOffice from these XLSX files (see the
 * README there), so the same layout is read from files of three formats written by real software.
 */
public final class LayoutWorkbooks {

    /** Layout name to builder; the file of a layout is {@code <name>.xlsx|.xls|.ods}. */
    public static final Map<String, Supplier<XSSFWorkbook>> LAYOUTS = Map.of(
            "title-rows", LayoutWorkbooks::titleRows,
            "two-row-header", LayoutWorkbooks::twoRowHeader,
            "merged-cases", LayoutWorkbooks::mergedCases,
            "several-sheets", LayoutWorkbooks::severalSheets,
            "cells", LayoutWorkbooks::cells);

    static final List<String> HEADER = List.of("No.", "No. Registrasi", "Tanggal Lapor", "Nama Korban", "NIK",
            "Jenis Kelamin", "Umur", "Kabupaten/Kota Asal", "Bentuk Eksploitasi", "Proses Hukum", "Pekerjaan");

    private LayoutWorkbooks() {
    }

    /** Writes every layout as XLSX into {@code args[0]}; the README says how to make the XLS and ODS copies. */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        LAYOUTS.forEach((name, builder) -> xlsx(name, dir.resolve(name + ".xlsx")));
    }

    public static Path xlsx(String layout, Path file) {
        try (XSSFWorkbook workbook = LAYOUTS.get(layout).get()) {
            XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A victim row under {@link #HEADER}: number, case, report date, name, NIK, sex, age, origin, exploitation, stage, job. */
    static Object[] victim(int n) {
        return new Object[] { n, "TPPO/SMD/%04d".formatted(n), "05/06/2024", "Korban Nomor " + n,
                "6472%02d%02d%02d%02d%04d".formatted(1 + n % 9, 1 + n % 28 + (n % 2 == 0 ? 40 : 0), 1 + n % 12,
                        90 + n % 10, n % 10000),
                n % 2 == 0 ? "P" : "L", String.valueOf(15 + n % 30), "Samarinda", "Eksploitasi Seksual", "Penyidikan",
                "Pelajar" };
    }

    /**
     * Title rows, the header on row 5, column numbers under it, three victims, a blank row, a fourth
     * victim, a "Jumlah" row and the signature block: 4 data rows, 1 column-number row, 1 total row and
     * 6 signature rows, with gaps of blank rows between them.
     */
    static XSSFWorkbook titleRows() {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Juni 2024");
        row(sheet, 0, "DATA KORBAN TPPO KOTA SAMARINDA TAHUN 2024");
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 10));
        row(sheet, 1, "UPTD PPA Kota Samarinda");
        row(sheet, 2, "Bulan: Juni 2024");
        row(sheet, 4, HEADER.toArray());
        Object[] numbers = new Object[HEADER.size()];
        for (int c = 0; c < numbers.length; c++) {
            numbers[c] = c + 1;
        }
        row(sheet, 5, numbers);
        row(sheet, 6, victim(1));
        row(sheet, 7, victim(2));
        row(sheet, 8, victim(3));
        row(sheet, 10, victim(4));
        row(sheet, 11, "Jumlah", null, null, 4);
        sheet.addMergedRegion(new CellRangeAddress(11, 11, 0, 2));
        row(sheet, 13, null, null, null, null, null, null, null, "Samarinda, 5 Juli 2024");
        row(sheet, 14, null, null, null, null, null, null, null, "Mengetahui,");
        row(sheet, 15, null, null, null, null, null, null, null, "Kepala Dinas P3A Kota Samarinda");
        row(sheet, 18, null, null, null, null, null, null, null, "Dra. Hj. Siti Aminah, M.Si");
        row(sheet, 19, null, null, null, null, null, null, null, "Pembina Utama Muda");
        row(sheet, 20, null, null, null, null, null, null, null, "NIP. 19700101 199503 2 001");
        return workbook;
    }

    /**
     * A header on rows 3 and 4: "Identitas Korban" merged over Nama Korban, NIK, Jenis Kelamin and
     * Umur; the other headings merged down across both rows. Two victims.
     */
    static XSSFWorkbook twoRowHeader() {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Data");
        row(sheet, 0, "DATA KORBAN TPPO KABUPATEN PASER 2024");
        row(sheet, 2, "No.", "No. Registrasi", "Tanggal Lapor", "Identitas Korban", null, null, null,
                "Kabupaten/Kota Asal", "Bentuk Eksploitasi", "Proses Hukum", "Pekerjaan");
        row(sheet, 3, null, null, null, "Nama", "NIK", "L/P", "Umur");
        for (int c : new int[] { 0, 1, 2, 7, 8, 9, 10 }) {
            sheet.addMergedRegion(new CellRangeAddress(2, 3, c, c));
        }
        sheet.addMergedRegion(new CellRangeAddress(2, 2, 3, 6));
        row(sheet, 4, victim(1));
        row(sheet, 5, victim(2));
        return workbook;
    }

    /**
     * Two cases: TPPO/SMD/0001 with three victims and TPPO/SMD/0002 with two, their number, report
     * date and stage merged down across their victims' rows; a fifth victim stands alone.
     */
    static XSSFWorkbook mergedCases() {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Juli");
        row(sheet, 0, HEADER.toArray());
        String[][] cases = { { "TPPO/SMD/0001", "01/07/2024", "Penyidikan" }, null, null,
                { "TPPO/SMD/0002", "03/07/2024", "Putusan" }, null, { "TPPO/SMD/0003", "09/07/2024", "Laporan" } };
        for (int i = 0; i < cases.length; i++) {
            Object[] victim = victim(i + 1);
            victim[1] = cases[i] == null ? null : cases[i][0];
            victim[2] = cases[i] == null ? null : cases[i][1];
            victim[9] = cases[i] == null ? null : cases[i][2];
            row(sheet, i + 1, victim);
        }
        for (int c : new int[] { 1, 2, 9 }) {
            sheet.addMergedRegion(new CellRangeAddress(1, 3, c, c));
            sheet.addMergedRegion(new CellRangeAddress(4, 5, c, c));
        }
        return workbook;
    }

    /** "Januari" (2 victims), "Rekap" (a summary table), "Februari" (3 victims), "Grafik" (a note only). */
    static XSSFWorkbook severalSheets() {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet january = workbook.createSheet("Januari");
        row(january, 0, "DATA KORBAN TPPO JANUARI 2024");
        row(january, 2, HEADER.toArray());
        row(january, 3, victim(1));
        row(january, 4, victim(2));
        Sheet summary = workbook.createSheet("Rekap");
        row(summary, 0, "REKAP KORBAN TPPO 2024");
        row(summary, 1, "Bulan", "Jumlah Korban", "Laki-laki", "Perempuan");
        row(summary, 2, "Januari", 2, 1, 1);
        row(summary, 3, "Februari", 3, 2, 1);
        Sheet february = workbook.createSheet("Februari");
        row(february, 0, HEADER.toArray());
        row(february, 1, victim(3));
        row(february, 2, victim(4));
        row(february, 3, victim(5));
        row(workbook.createSheet("Grafik"), 0, "Grafik korban per bulan");
        return workbook;
    }

    /**
     * Cell forms, one victim per row: (1) report date as a date cell, age as a number; (2) report date
     * as a serial number, age by formula; (3) report date as "12 Maret 2024", name by formula, trailing
     * and non-breaking spaces; (4) a hidden row; (5) NIK typed as a number (last digit lost to 0);
     * (6) NIK as scientific-notation text. The NIK column is hidden.
     */
    static XSSFWorkbook cells() {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Agustus");
        CellStyle dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
        row(sheet, 0, HEADER.toArray());
        Object[] first = victim(1);
        first[2] = LocalDate.of(2024, 6, 5);
        first[6] = 16;
        Row one = row(sheet, 1, first);
        one.getCell(2).setCellStyle(dateStyle);
        Object[] second = victim(2);
        second[2] = 45448;                        // 2024-06-05 as an Excel serial number
        second[6] = null;
        Row two = row(sheet, 2, second);
        two.createCell(6).setCellFormula("10+7");
        Object[] third = victim(3);
        third[2] = "12 Maret 2024";
        third[3] = null;
        third[7] = "Samarinda \u00A0 ";
        third[8] = "\u00A0Eksploitasi Seksual  ";
        Row three = row(sheet, 3, third);
        three.createCell(3).setCellFormula("\"Korban \"&\"Nomor 3\"");
        Row four = row(sheet, 4, victim(4));
        four.setZeroHeight(true);
        Object[] fifth = victim(5);
        fifth[4] = 6472011203900000d;            // 6472011203900001 typed into a number cell: Excel keeps 15 digits
        row(sheet, 5, fifth);
        Object[] sixth = victim(6);
        sixth[4] = "6.47201E+15";
        row(sheet, 6, sixth);
        sheet.setColumnHidden(4, true);
        return workbook;
    }

    private static Row row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof LocalDate date) {
                cell.setCellValue(date);
            } else {
                cell.setCellValue(value.toString());
            }
        }
        return row;
    }
}
