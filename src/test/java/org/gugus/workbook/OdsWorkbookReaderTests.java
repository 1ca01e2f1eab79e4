package org.gugus.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OdsWorkbookReaderTests {

    private static final Path SAVED_BY_LIBREOFFICE = Path.of("src/test/resources/workbooks");

    private static final String OPEN = "<office:document-content"
            + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>";

    private static final String CLOSE = "</office:spreadsheet></office:body></office:document-content>";

    @TempDir
    Path dir;

    @Test
    void readsSheetsOfAWorkbookSavedByLibreOfficeInOrder() throws Exception {
        List<SheetRow> rows = readAll(SAVED_BY_LIBREOFFICE.resolve("several-sheets.ods"));

        assertThat(rows.stream().map(SheetRow::sheet).distinct()).containsExactly("Januari", "Rekap", "Februari",
                "Grafik");
        assertThat(rows.get(1).rowNumber()).isEqualTo(3);
    }

    @Test
    void neverMaterialisesATrailingRunOfEmptyRowsOrCells() throws Exception {
        Path file = ods("<table:table table:name=\"Data\">"
                + "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Nama</text:p>"
                + "</table:table-cell><table:table-cell table:number-columns-repeated=\"16383\"/></table:table-row>"
                + "<table:table-row table:number-rows-repeated=\"1048575\"><table:table-cell"
                + " table:number-columns-repeated=\"16384\"/></table:table-row></table:table>");

        List<SheetRow> rows = readAll(file);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).cells()).hasSize(1);
    }

    @Test
    void givesEachRowOfARepeatedRowWithValuesAndKeepsRowNumbersAfterEmptyRuns() throws Exception {
        Path file = ods("<table:table table:name=\"Data\">"
                + "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell/></table:table-row>"
                + "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell office:value-type=\"float\""
                + " office:value=\"7\" table:number-columns-repeated=\"2\"><text:p>7</text:p></table:table-cell>"
                + "</table:table-row></table:table>");

        List<SheetRow> rows = readAll(file);

        assertThat(rows).extracting(SheetRow::rowNumber).containsExactly(4, 5);
        assertThat(rows.get(1).cells()).extracting(CellValue::text).containsExactly("7", "7");
    }

    @Test
    void readsParagraphsSpacesAndLeavesCommentsOut() throws Exception {
        Path file = ods("<table:table table:name=\"Data\"><table:table-row><table:table-cell"
                + " office:value-type=\"string\"><office:annotation><text:p>catatan</text:p></office:annotation>"
                + "<text:p>Jl. Merdeka<text:s text:c=\"2\"/>No. 5</text:p><text:p>RT 03</text:p></table:table-cell>"
                + "<table:table-cell office:value-type=\"date\" office:date-value=\"2024-06-05T00:00:00\">"
                + "<text:p>05/06/24</text:p></table:table-cell></table:table-row></table:table>");

        SheetRow row = readAll(file).get(0);

        assertThat(row.cell(0).text()).isEqualTo("Jl. Merdeka  No. 5\nRT 03");
        assertThat(row.cell(1).kind()).isEqualTo(CellValue.Kind.DATE);
        assertThat(row.cell(1).text()).isEqualTo("2024-06-05");
    }

    @Test
    void refusesAPasswordProtectedOdsSayingSo() throws Exception {
        Path file = zip("rahasia.ods", "content.xml", "bukan xml: terenkripsi", "META-INF/manifest.xml",
                "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                        + "<manifest:file-entry manifest:full-path=\"content.xml\"><manifest:encryption-data/>"
                        + "</manifest:file-entry></manifest:manifest>");

        assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> readAll(file))
                .satisfies(ex -> assertThat(ex.messageId()).contains("kata sandi"))
                .satisfies(ex -> assertThat(ex.messageEn()).contains("password-protected"));
    }

    @Test
    void refusesContentThatInflatesLikeAZipBombAsTooLarge() throws Exception {
        StringBuilder padding = new StringBuilder(OPEN);
        padding.append(" ".repeat(30 * 1024 * 1024));
        padding.append(CLOSE);
        Path file = zip("bom.ods", "content.xml", padding.toString());

        assertThatExceptionOfType(TooLargeFileException.class).isThrownBy(() -> readAll(file))
                .satisfies(ex -> assertThat(ex.messageEn()).contains("ZIP bomb"));
    }

    @Test
    void refusesAPartWithEntityDeclarations() throws Exception {
        Path file = zip("entitas.ods", "content.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>" + OPEN + "<table:table table:name=\"D\"><table:table-row>"
                + "<table:table-cell><text:p>&b;</text:p></table:table-cell></table:table-row></table:table>" + CLOSE);

        assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> readAll(file))
                .satisfies(ex -> assertThat(ex.messageEn()).contains("DTD"));
    }

    private Path ods(String tables) throws IOException {
        return zip("data.ods", "content.xml", OPEN + tables + CLOSE);
    }

    private Path zip(String name, String... entries) throws IOException {
        Path file = dir.resolve(name);
        byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry first = new ZipEntry("mimetype");
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            first.setCrc(crc.getValue());
            out.putNextEntry(first);
            out.write(mimetype);
            out.closeEntry();
            for (int i = 0; i < entries.length; i += 2) {
                out.putNextEntry(new ZipEntry(entries[i]));
                out.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }

    private static List<SheetRow> readAll(Path file) throws UnreadableFileException {
        try (WorkbookReader reader = WorkbookReaders.open(file, file.getFileName().toString())) {
            assertThat(reader.format()).isEqualTo(SpreadsheetFormat.ODS);
            List<SheetRow> rows = new ArrayList<>();
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
            return rows;
        }
    }
}
