package org.gugus.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gugus.intake.FileRowsRead;
import org.gugus.workbook.CellValue;
import org.gugus.workbook.SheetRow;
import org.gugus.workbook.SpreadsheetFormat;
import org.gugus.workbook.WorkbookReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptRowsTests {

    @Test
    void sweepsTheKeptRowsFilesAKilledProcessLeftButNotNewOnesNorOthers(@TempDir Path folder) throws IOException {
        Instant now = Instant.now();
        Path left = Files.createFile(folder.resolve("gugus-answer-rows-123.bin"));
        Files.setLastModifiedTime(left, FileTime.from(now.minus(KeptRows.LEFT_BEHIND).minusSeconds(60)));
        Path beingWritten = Files.createFile(folder.resolve("gugus-answer-rows-456.bin"));
        Path other = Files.createFile(folder.resolve("gugus-bounded-run-789.bin"));
        Files.setLastModifiedTime(other, FileTime.from(now.minus(KeptRows.LEFT_BEHIND).minusSeconds(60)));

        int swept = KeptRows.sweep(folder, now.minus(KeptRows.LEFT_BEHIND));

        assertThat(swept).isEqualTo(1);
        assertThat(left).doesNotExist();
        assertThat(beingWritten).exists();
        assertThat(other).exists();
    }

    @Test
    void givesTheRowsOfAReadingThatEndedOnceThenNoMore() {
        KeptRows kept = new KeptRows(true, true);
        List<SheetRow> rows = rows(3_000);

        FileRowsRead.Rows reading = kept.reading(7, SpreadsheetFormat.XLSX);
        rows.forEach(reading::row);
        reading.ended();
        reading.close();

        WorkbookReader reader = kept.take(7).orElseThrow();
        assertThat(reader.format()).isEqualTo(SpreadsheetFormat.XLSX);
        assertThat(all(reader)).isEqualTo(rows);
        assertThat(kept.take(7)).as("taken once").isEmpty();
        kept.destroy();
    }

    @Test
    void keepsNothingOfAReadingStoppedBeforeTheEnd() {
        KeptRows kept = new KeptRows(true, true);

        FileRowsRead.Rows reading = kept.reading(8, SpreadsheetFormat.CSV);
        rows(2_000).forEach(reading::row);
        reading.close();

        assertThat(kept.take(8)).isEmpty();
        kept.destroy();
    }

    @Test
    void keepsTheLastReadingOfAFileReadAgainFromItsTop() {
        KeptRows kept = new KeptRows(true, true);
        FileRowsRead.Rows first = kept.reading(9, SpreadsheetFormat.CSV);
        rows(1_000).forEach(first::row);
        first.close();

        FileRowsRead.Rows again = kept.reading(9, SpreadsheetFormat.CSV);
        rows(1_500).forEach(again::row);
        again.ended();
        again.close();

        assertThat(all(kept.take(9).orElseThrow())).isEqualTo(rows(1_500));
        kept.destroy();
    }

    @Test
    void keepsNothingWhenOffOrWhenAnswersWaitForTheLoad() {
        assertThat(new KeptRows(false, true).reading(1, SpreadsheetFormat.CSV)).isNull();
        assertThat(new KeptRows(true, false).reading(1, SpreadsheetFormat.CSV)).isNull();
        assertThat(new KeptRows(true, true).take(1)).isEmpty();
    }

    private static List<SheetRow> rows(int count) {
        List<SheetRow> rows = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            rows.add(new SheetRow("Data", n, List.of(CellValue.text("Korban " + n), CellValue.number(n, "" + n))));
        }
        return rows;
    }

    private static List<SheetRow> all(WorkbookReader reader) {
        List<SheetRow> rows = new ArrayList<>();
        try (reader) {
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return rows;
    }
}
