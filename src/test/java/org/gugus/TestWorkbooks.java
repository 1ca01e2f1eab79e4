package org.gugus;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Regency files as offices write them, built for tests: a header with the template's Indonesian
 * column names and victim rows.
 */
public final class TestWorkbooks {

    public static final List<String> HEADER = List.of("No.", "No. Registrasi", "Tanggal Lapor", "Nama Korban", "NIK",
            "Jenis Kelamin", "Tanggal Lahir", "Umur", "Kabupaten/Kota Asal", "Bentuk Eksploitasi", "Modus",
            "Negara Tujuan", "Proses Hukum", "Layanan", "Keterangan");

    private TestWorkbooks() {
    }

    /** A valid victim row; {@code n} makes name, case number and NIK unique. */
    public static List<String> victim(int n) {
        return new ArrayList<>(List.of(String.valueOf(n), "TPPO/SMD/%04d".formatted(n), "05/06/2024",
                "Korban Nomor " + n, nik(n), n % 2 == 0 ? "P" : "L", "", String.valueOf(15 + n % 30), "Samarinda", "Eksploitasi Seksual",
                "Media Sosial", "Malaysia", "Penyidikan", "Rumah Aman, Visum", ""));
    }

    /** A NIK consistent with the row: day of birth plus 40 for women, as Dukcapil writes it. */
    static String nik(int n) {
        int day = 1 + n % 28 + (n % 2 == 0 ? 40 : 0);
        return "6472%02d%02d%02d%02d%04d".formatted(1 + n % 9, day, 1 + n % 12, 90 + n % 10, n % 10000);
    }

    public static List<List<String>> victims(int count) {
        List<List<String>> rows = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            rows.add(victim(n));
        }
        return rows;
    }

    public static Path csv(Path file, List<List<String>> rows) {
        StringBuilder text = new StringBuilder(String.join(";", HEADER)).append("\n");
        for (List<String> row : rows) {
            text.append(row.stream().map(TestWorkbooks::quoted).collect(Collectors.joining(";"))).append("\n");
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An XLSX as offices send it: a title row, the header, a row of column numbers, the data, a total row. */
    public static Path xlsx(Path file, List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Juni");
            sheet.createRow(0).createCell(0).setCellValue("DATA KORBAN TPPO KOTA SAMARINDA TAHUN 2024");
            write(sheet.createRow(2), HEADER);
            Row numbers = sheet.createRow(3);
            for (int c = 0; c < HEADER.size(); c++) {
                numbers.createCell(c).setCellValue(c + 1);
            }
            int r = 4;
            for (List<String> row : rows) {
                write(sheet.createRow(r++), row);
            }
            Row total = sheet.createRow(r);
            total.createCell(0).setCellValue("Jumlah");
            total.createCell(3).setCellValue(rows.size());
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> values) {
        for (int c = 0; c < values.size(); c++) {
            if (!values.get(c).isEmpty()) {
                row.createCell(c).setCellValue(values.get(c));
            }
        }
    }

    private static String quoted(String value) {
        return value.contains(";") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\""
                : value;
    }
}
