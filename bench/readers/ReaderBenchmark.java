import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gugus.intake.mapping.HeaderDetector;
import org.gugus.intake.mapping.HeaderLayout;
import org.gugus.intake.mapping.HeaderSearch;
import org.gugus.intake.mapping.Template;
import org.gugus.workbook.SheetRow;
import org.gugus.workbook.WorkbookReader;
import org.gugus.workbook.WorkbookReaders;

/**
 * Reader benchmark (not a test): writes a workbook of N victim rows of 20 columns, then reads it as
 * the intake job does (format detection, streaming reader, header search, row classification and
 * mapping to fields), without the database. Prints rows per second and the heap used.
 *
 * <pre>
 *   java ReaderBenchmark generate FORMAT ROWS FILE   # csv | xlsx | xls | ods
 *   java ReaderBenchmark read FILE [--reader-only]   # without header search and mapping
 * </pre>
 */
public class ReaderBenchmark {

    static final String[] HEADER = { "No.", "No. Registrasi", "Tanggal Lapor", "Tanggal Kejadian", "Nama Korban",
            "NIK", "Jenis Kelamin", "Tempat Lahir", "Tanggal Lahir", "Umur", "Kabupaten/Kota Asal", "Kecamatan",
            "Alamat", "Pendidikan", "Bentuk Eksploitasi", "Modus", "Negara Tujuan", "Proses Hukum", "Layanan",
            "Keterangan" };

    public static void main(String[] args) throws Exception {
        if (args[0].equals("generate")) {
            generate(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
        }
        else {
            read(Path.of(args[1]), args.length < 3 || !args[2].equals("--reader-only"));
        }
    }

    static String[] victim(int n) {
        return new String[] { String.valueOf(n), "TPPO/SMD/%07d".formatted(n / 2), "05/06/2024", "01/05/2024",
                "Korban Nomor " + n, "6472%02d%02d%02d%02d%04d".formatted(1 + n % 9, 1 + n % 28, 1 + n % 12,
                        90 + n % 10, n % 10000),
                n % 2 == 0 ? "P" : "L", "Samarinda", "", String.valueOf(15 + n % 30), "Samarinda", "Sungai Kunjang",
                "Jl. Merdeka No. " + n, "SMP", "Eksploitasi Seksual", "Media Sosial", "Malaysia", "Penyidikan",
                "Rumah Aman, Visum", "catatan " + (n % 1000) };
    }

    static void generate(String format, int rows, Path file) throws IOException {
        long start = System.nanoTime();
        switch (format) {
            case "csv" -> csv(rows, file);
            case "xlsx" -> xlsx(rows, file);
            case "xls" -> xls(rows, file);
            case "ods" -> ods(rows, file);
            default -> throw new IllegalArgumentException(format);
        }
        System.out.printf("generated %s: %,d rows, %,d bytes in %.1f s%n", file.getFileName(), rows, Files.size(file),
                (System.nanoTime() - start) / 1e9);
    }

    static void csv(int rows, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("DATA KORBAN TPPO KOTA SAMARINDA\n");
            out.write(String.join(";", HEADER) + "\n");
            for (int n = 1; n <= rows; n++) {
                out.write(String.join(";", victim(n)));
                out.write('\n');
            }
        }
    }

    // Shared strings, as Excel writes them: every text cell is an index into one table. POI's writer
    // keeps that table as objects and needs gigabytes for a million rows, so large files are written
    // part by part here; the values that differ per row each get their own shared string (worst case).
    static void xlsx(int rows, Path file) throws IOException {
        if (rows > 100_000) {
            rawXlsx(rows, file);
            return;
        }
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, true, true)) {
            Sheet sheet = workbook.createSheet("Data");
            sheet.createRow(0).createCell(0).setCellValue("DATA KORBAN TPPO KOTA SAMARINDA");
            write(sheet.createRow(1), HEADER);
            for (int n = 1; n <= rows; n++) {
                write(sheet.createRow(n + 1), victim(n));
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    static void rawXlsx(int rows, Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            Writer out = new BufferedWriter(new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
            String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
            String type = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
            part(zip, out, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + type + "sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + type + "worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" + type + "sharedStrings+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"" + type + "styles+xml\"/></Types>");
            part(zip, out, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            part(zip, out, "xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\"><sheets>"
                    + "<sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            part(zip, out, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"" + rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                    + "<Relationship Id=\"rId3\" Type=\"" + rel + "/styles\" Target=\"styles.xml\"/></Relationships>");
            part(zip, out, "xl/styles.xml", "<styleSheet xmlns=\"" + main + "\"><fonts count=\"1\"><font/></fonts>"
                    + "<fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders>"
                    + "<cellStyleXfs count=\"1\"><xf/></cellStyleXfs><cellXfs count=\"1\"><xf/></cellXfs></styleSheet>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            out.write("<worksheet xmlns=\"" + main + "\"><sheetData>");
            int index = 0;
            for (int r = 0; r <= rows + 1; r++) {
                String[] values = r == 0 ? new String[] { "DATA KORBAN TPPO KOTA SAMARINDA" } : r == 1 ? HEADER : victim(r - 1);
                out.write("<row r=\"" + (r + 1) + "\">");
                for (int c = 0; c < values.length; c++) {
                    if (values[c].isEmpty()) {
                        continue;
                    }
                    String ref = (char) ('A' + c) + String.valueOf(r + 1);
                    if (values[c].matches("\\d{1,3}")) {
                        out.write("<c r=\"" + ref + "\"><v>" + values[c] + "</v></c>");
                    }
                    else {
                        out.write("<c r=\"" + ref + "\" t=\"s\"><v>" + index++ + "</v></c>");
                    }
                }
                out.write("</row>");
            }
            out.write("</sheetData></worksheet>");
            out.flush();
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            out.write("<sst xmlns=\"" + main + "\" count=\"" + index + "\" uniqueCount=\"" + index + "\">");
            for (int r = 0; r <= rows + 1; r++) {
                String[] values = r == 0 ? new String[] { "DATA KORBAN TPPO KOTA SAMARINDA" } : r == 1 ? HEADER : victim(r - 1);
                for (String value : values) {
                    if (!value.isEmpty() && !value.matches("\\d{1,3}")) {
                        out.write("<si><t>" + value + "</t></si>");
                    }
                }
            }
            out.write("</sst>");
            out.flush();
            zip.closeEntry();
        }
    }

    static void part(ZipOutputStream zip, Writer out, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml);
        out.flush();
        zip.closeEntry();
    }

    // An XLS sheet holds 65,536 rows: the rows go to as many sheets as they need, each with its header.
    static void xls(int rows, Path file) throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            int n = 1;
            for (int s = 1; n <= rows; s++) {
                Sheet sheet = workbook.createSheet("Data " + s);
                write(sheet.createRow(0), HEADER);
                for (int r = 1; r < 65_536 && n <= rows; r++, n++) {
                    write(sheet.createRow(r), victim(n));
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    // content.xml as LibreOffice writes it, ending with the empty row it repeats to the sheet's end.
    static void ods(int rows, Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            Writer out = new BufferedWriter(new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                    + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                    + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                    + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>"
                    + "<table:table table:name=\"Data\"><table:table-column table:number-columns-repeated=\"1024\"/>");
            odsRow(out, HEADER);
            for (int n = 1; n <= rows; n++) {
                odsRow(out, victim(n));
            }
            out.write("<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell"
                    + " table:number-columns-repeated=\"1024\"/></table:table-row>");
            out.write("</table:table></office:spreadsheet></office:body></office:document-content>");
            out.flush();
            zip.closeEntry();
        }
    }

    static void odsRow(Writer out, String[] values) throws IOException {
        out.write("<table:table-row>");
        for (String value : values) {
            if (value.isEmpty()) {
                out.write("<table:table-cell/>");
            }
            else if (value.matches("\\d{1,3}")) {
                out.write("<table:table-cell office:value-type=\"float\" office:value=\"" + value + "\"><text:p>"
                        + value + "</text:p></table:table-cell>");
            }
            else {
                out.write("<table:table-cell office:value-type=\"string\"><text:p>" + value
                        + "</text:p></table:table-cell>");
            }
        }
        out.write("<table:table-cell table:number-columns-repeated=\"1004\"/></table:table-row>");
    }

    static void write(Row row, String[] values) {
        for (int c = 0; c < values.length; c++) {
            if (!values[c].isEmpty()) {
                if (values[c].matches("\\d{1,3}")) {
                    row.createCell(c).setCellValue(Integer.parseInt(values[c]));
                }
                else {
                    row.createCell(c).setCellValue(values[c]);
                }
            }
        }
    }

    static void read(Path file, boolean map) throws Exception {
        Template template = Template.load(Path.of("jobs/templates/korban-v1.yaml"));
        HeaderDetector detector = new HeaderDetector(template);
        long start = System.nanoTime();
        long rows = 0;
        long data = 0;
        String format;
        try (WorkbookReader reader = WorkbookReaders.open(file, file.getFileName().toString())) {
            format = reader.format().name();
            String sheet = null;
            List<SheetRow> first = new ArrayList<>();
            HeaderLayout layout = null;
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                rows++;
                if (!map) {
                    continue;
                }
                if (!row.sheet().equals(sheet)) {
                    sheet = row.sheet();
                    first.clear();
                    layout = null;
                }
                if (layout == null) {
                    first.add(row);
                    if (first.size() == template.headerSearchRows() || first.size() == 3) {
                        if (detector.detect(first) instanceof HeaderSearch.Found found) {
                            layout = found.layout();
                        }
                    }
                    continue;
                }
                if (layout.isData(row)) {
                    layout.map(row);
                    data++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        // CPU time of the whole process (every thread, start-up included): on a shared machine it
        // varies far less than the wall time.
        double cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        System.out.printf("%-5s %-13s %-22s %,10d rows (%,d data) in %6.1f s = %,9.0f rows/s, process CPU %.1f s; max heap %,d MB, heap pools peak (sum) %,d MB%n",
                format, map ? "read+map" : "reader only", file.getFileName(), rows, data, seconds, rows / seconds, cpu,
                Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
    }
}
