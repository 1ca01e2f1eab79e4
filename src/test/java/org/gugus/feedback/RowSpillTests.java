package org.gugus.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gugus.workbook.CellValue;
import org.gugus.workbook.SheetRow;
import org.gugus.workbook.SpreadsheetFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowSpillTests {

    @TempDir
    Path folder;

    @Test
    void givesBackEveryRowAsWrittenEveryCellsKindTextNumberAndDate() throws IOException {
        String longText = "x".repeat(70_000) + "\u00e9";
        List<SheetRow> rows = List.of(
                new SheetRow("Data Korban", 1, List.of(CellValue.text("LAPORAN"))),
                new SheetRow("Data Korban", 3, List.of(CellValue.text("Nama"), CellValue.BLANK, CellValue.text("NIK"))),
                new SheetRow("Data Korban", 4, List.of(
                        CellValue.text("Siti Rahmawati"),
                        CellValue.number(6472011203900001d, "6472011203900001"),
                        CellValue.number(-0.25, "-0.25"),
                        CellValue.date(LocalDateTime.of(1990, 3, 12, 0, 0)),
                        new CellValue("2024-05-01", CellValue.Kind.DATE, null, LocalDateTime.of(2024, 5, 1, 13, 45, 7, 120_000_000)),
                        new CellValue("TRUE", CellValue.Kind.BOOLEAN, null, null),
                        new CellValue("#N/A", CellValue.Kind.ERROR, null, null),
                        new CellValue("a\uFFFDb", CellValue.Kind.TEXT, null, null, true),
                        new CellValue("12", CellValue.Kind.TEXT, 12d, null),
                        new CellValue("   ", CellValue.Kind.TEXT, null, null),
                        new CellValue("", CellValue.Kind.BLANK, null, null, true))),
                new SheetRow("Data Korban", 70_000, List.of(CellValue.text("Déwi Ñ 😀 ?"), CellValue.text(longText))),
                new SheetRow("Catatan", 2, List.of(CellValue.text("lone \uD800 surrogate"), CellValue.text("\uDC00"))),
                new SheetRow("Catatan", 3, List.of()),
                new SheetRow("Data Korban", 5, List.of(CellValue.text("a sheet's name again"))));
        FileChannel file = RowSpill.open(folder, "rows-");

        try (RowSpill.Writer writer = new RowSpill.Writer(file)) {
            for (SheetRow row : rows) {
                writer.write(row);
            }
            writer.end();
        }
        List<SheetRow> read = new ArrayList<>();
        try (RowSpill.Reader reader = new RowSpill.Reader(file, SpreadsheetFormat.XLSX)) {
            assertThat(reader.format()).isEqualTo(SpreadsheetFormat.XLSX);
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                read.add(row);
            }
            assertThat(reader.next()).isNull();
        }

        assertThat(read).isEqualTo(rows);
        assertThat(read.get(2).cells().get(4).dateTime().getNano()).isEqualTo(120_000_000);
        assertThat(file.isOpen()).as("let go once read").isFalse();
    }

    @Test
    void keepsNoNamedFileWhileTheRowsAreHeldSoAKilledProcessLeavesNoneBehind() throws IOException {
        try (FileChannel file = RowSpill.open(folder, "gugus-answer-rows-")) {
            try (RowSpill.Writer writer = new RowSpill.Writer(file)) {
                writer.write(new SheetRow("Data", 1, List.of(CellValue.text("Siti Rahmawati"))));
                writer.end();
            }

            assertThat(file.size()).isPositive();
            try (var names = Files.list(folder)) {
                assertThat(names).as("no file by name in the folder while the rows are held").isEmpty();
            }
        }
    }

    @Test
    void givesBackAsManyRowsAsABufferHoldsSeveralTimesOver() throws IOException {
        FileChannel file = RowSpill.open(folder, "many-");
        List<SheetRow> rows = new ArrayList<>();
        for (int n = 1; n <= 20_000; n++) {
            rows.add(new SheetRow("Data", n, List.of(CellValue.text("Korban " + n), CellValue.number(n, String.valueOf(n)))));
        }
        try (RowSpill.Writer writer = new RowSpill.Writer(file)) {
            for (SheetRow row : rows) {
                writer.write(row);
            }
            writer.end();
        }
        List<SheetRow> read = new ArrayList<>();
        try (RowSpill.Reader reader = new RowSpill.Reader(file, SpreadsheetFormat.CSV)) {
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                read.add(row);
            }
        }
        assertThat(read).isEqualTo(rows);
    }

    @Test
    void failsRatherThanEndEarlyOnRowsCutShort() throws IOException {
        FileChannel file = RowSpill.open(folder, "cut-");
        try (RowSpill.Writer writer = new RowSpill.Writer(file)) {
            for (int n = 1; n <= 100; n++) {
                writer.write(new SheetRow("Data", n, List.of(CellValue.text("Korban " + n))));
            }
            writer.end();
        }
        file.truncate(file.size() - 1);

        try (RowSpill.Reader reader = new RowSpill.Reader(file, SpreadsheetFormat.CSV)) {
            assertThatThrownBy(() -> {
                while (reader.next() != null) {
                    // read on
                }
            }).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void tellsTextWithALoneSurrogateApart() {
        assertThat(RowSpill.hasLoneSurrogate("Déwi 😀")).isFalse();
        assertThat(RowSpill.hasLoneSurrogate("a\uD800")).isTrue();
        assertThat(RowSpill.hasLoneSurrogate("\uDC00a")).isTrue();
    }
}
