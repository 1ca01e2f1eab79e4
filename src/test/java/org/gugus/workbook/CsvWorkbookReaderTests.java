package org.gugus.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWorkbookReaderTests {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    @Test
    void readsHeaderAndDataRowsAsTextCells() throws Exception {
        Path file = write("No,Nama Korban,Umur\n1,Siti Aminah,17\n2,Rudi,23\n", StandardCharsets.UTF_8);

        List<SheetRow> rows = readAll(file, "korban");

        assertThat(rows).extracting(SheetRow::rowNumber).containsExactly(1, 2, 3);
        assertThat(texts(rows.get(0))).containsExactly("No", "Nama Korban", "Umur");
        assertThat(texts(rows.get(1))).containsExactly("1", "Siti Aminah", "17");
        assertThat(rows.get(1).cell(2).kind()).as("a CSV has no types").isEqualTo(CellValue.Kind.TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = { ",", ";", "\t", "|" })
    void detectsEachDelimiter(String delimiter) throws Exception {
        String csv = String.join(delimiter, "No", "Nama", "Alamat") + "\n"
                + String.join(delimiter, "1", "Siti", "Jl. Mawar") + "\n"
                + String.join(delimiter, "2", "Rudi", "") + "\n";

        try (CsvWorkbookReader reader = CsvWorkbookReader.open(write(csv, StandardCharsets.UTF_8), "korban")) {
            assertThat(reader.delimiter()).isEqualTo(delimiter.charAt(0));
            assertThat(texts(reader.next())).containsExactly("No", "Nama", "Alamat");
            assertThat(texts(reader.next())).containsExactly("1", "Siti", "Jl. Mawar");
            assertThat(texts(reader.next())).containsExactly("2", "Rudi");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void readsSemicolonSeparatedCsvWithBom() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        bytes.write("No;Nama;Desa\n1;Siti;Désa Loa Janan\n".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("bom.csv"), bytes.toByteArray());

        try (CsvWorkbookReader reader = CsvWorkbookReader.open(file, "bom")) {
            assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(reader.next().cell(0).text()).isEqualTo("No");
            assertThat(texts(reader.next())).containsExactly("1", "Siti", "Désa Loa Janan");
        }
    }

    @Test
    void readsWindows1252Csv() throws Exception {
        Path file = write("Kabupaten;Nama\nTenggarong – Kukar;José\n", WINDOWS_1252);

        try (CsvWorkbookReader reader = CsvWorkbookReader.open(file, "kukar")) {
            assertThat(reader.charset()).isEqualTo(WINDOWS_1252);
            reader.next();
            assertThat(texts(reader.next())).containsExactly("Tenggarong – Kukar", "José");
        }
    }

    @Test
    void decidesTheEncodingFromTheWholeFileNotItsBeginning() throws Exception {
        StringBuilder csv = new StringBuilder("No,Nama\n");
        for (int i = 1; i <= 5_000; i++) {
            csv.append(i).append(",Korban ").append(i).append('\n');
        }
        csv.append("5001,Andrés\n");
        Path file = write(csv.toString(), WINDOWS_1252);

        List<SheetRow> rows = readAll(file, "panjang");

        assertThat(rows).hasSize(5_002);
        assertThat(rows.get(5_001).cell(1).text()).isEqualTo("Andrés");
    }

    @Test
    void readsQuotedFieldsWithLineBreaksAsOneRecord() throws Exception {
        Path file = write("No,Alamat,Ket\r\n"
                + "1,\"Jl. Mawar No. 3\r\nRT 03, Samarinda\",\"kata \"\"agen\"\"\"\r\n"
                + "2,Loa Janan,x\r\n", StandardCharsets.UTF_8);

        List<SheetRow> rows = readAll(file, "alamat");

        assertThat(rows).extracting(SheetRow::rowNumber).containsExactly(1, 2, 3);
        assertThat(texts(rows.get(1))).containsExactly("1", "Jl. Mawar No. 3\r\nRT 03, Samarinda", "kata \"agen\"");
        assertThat(texts(rows.get(2))).containsExactly("2", "Loa Janan", "x");
    }

    @Test
    void picksSemicolonWhenAddressesHoldCommas() throws Exception {
        Path file = write("""
                DATA KORBAN TPPO KABUPATEN KUTAI KARTANEGARA
                No;Nama;Alamat;Umur
                1;Siti;Jl. Mawar, Tenggarong;17
                2;Rudi;Loa Kulu;23
                3;Ani;Desa Sebulu, Kec. Sebulu, Kukar;30
                """, StandardCharsets.UTF_8);

        try (CsvWorkbookReader reader = CsvWorkbookReader.open(file, "kukar")) {
            assertThat(reader.delimiter()).isEqualTo(';');
            assertThat(reader.next().cells()).containsExactly(
                    CellValue.text("DATA KORBAN TPPO KABUPATEN KUTAI KARTANEGARA"));
            reader.next();
            assertThat(texts(reader.next())).containsExactly("1", "Siti", "Jl. Mawar, Tenggarong", "17");
        }
    }

    @Test
    void ignoresDelimitersInsideQuotesWhenDetecting() {
        String sample = "\"a;b;c\",x\n\"d;e;f\",y\n\"g;h;i\",z\n";

        assertThat(CsvWorkbookReader.detectDelimiter(sample, true)).isEqualTo(',');
    }

    @Test
    void readsAFileWithoutDelimitersAsOneColumn() throws Exception {
        List<SheetRow> rows = readAll(write("Nama\nSiti\nRudi", StandardCharsets.UTF_8), "satu");

        assertThat(rows).extracting(row -> row.cells().size()).containsOnly(1);
        assertThat(rows.get(2).cell(0).text()).isEqualTo("Rudi");
    }

    @Test
    void readsBlankCellsAsBlankAndTrimsNonBreakingSpaces() throws Exception {
        Path file = write("a,, \u00A0b\u00A0 ,\u00A0, \n", StandardCharsets.UTF_8);

        SheetRow row = readAll(file, "spasi").get(0);

        assertThat(row.cells()).containsExactly(CellValue.text("a"), CellValue.BLANK, CellValue.text("b"));
    }

    @Test
    void skipsBlankLinesButKeepsTheirRowNumbers() throws Exception {
        Path file = write("a;b\n\n;\nc;d\n", StandardCharsets.UTF_8);

        assertThat(readAll(file, "kosong")).extracting(SheetRow::rowNumber).containsExactly(1, 4);
    }

    @Test
    void namesTheOnlySheetAfterTheFile() throws Exception {
        Path file = write("a,b\n", StandardCharsets.UTF_8);

        assertThat(readAll(file, "Samarinda Januari 2024").get(0).sheet()).isEqualTo("Samarinda Januari 2024");
    }

    @Test
    void readsStrayQuotesInsteadOfFailing() throws Exception {
        Path file = write("No,Nama\n1,\"Siti\" Aminah,x\n2,Rudi \"Ucok\",y\n", StandardCharsets.UTF_8);

        List<SheetRow> rows = readAll(file, "kutip");

        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).cell(1).text()).isEqualTo("Rudi \"Ucok\"");
    }

    private Path write(String text, Charset charset) throws IOException {
        return Files.write(Files.createTempFile(dir, "korban", ".csv"), text.getBytes(charset));
    }

    private static List<SheetRow> readAll(Path file, String sheet) throws UnreadableFileException {
        List<SheetRow> rows = new ArrayList<>();
        try (CsvWorkbookReader reader = CsvWorkbookReader.open(file, sheet)) {
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> texts(SheetRow row) {
        return row.cells().stream().map(CellValue::text).toList();
    }
}
