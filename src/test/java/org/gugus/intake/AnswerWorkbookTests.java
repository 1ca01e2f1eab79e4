package org.gugus.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.gugus.workbook.CellValue;
import org.gugus.workbook.SheetRow;
import org.junit.jupiter.api.Test;

class AnswerWorkbookTests {

    private static final int HEADER_SEARCH_ROWS = 20;

    @Test
    void leavesOutTheColumnsGugusAddedFromTheStatusHeaderOfAnAnswerWorkbook() {
        AnswerWorkbook.Rows rows = AnswerWorkbook.rows(HEADER_SEARCH_ROWS);
        assertThat(rows.keep(row(1, "Laporan TPPO")).cells()).extracting(CellValue::text).containsExactly("Laporan TPPO");
        SheetRow header = rows.keep(row(3, "No", "Nama", AnswerWorkbook.STATUS_HEADER, AnswerWorkbook.NOTES_HEADER));
        assertThat(header.cells()).extracting(CellValue::text).containsExactly("No", "Nama");
        SheetRow data = rows.keep(row(4, "1", "Nur", "DITERIMA", ""));
        assertThat(data.cells()).extracting(CellValue::text).containsExactly("1", "Nur");
        assertThat(rows.keep(row(5, "", "", "DITOLAK", "catatan"))).isNull();
    }

    @Test
    void keepsARowWholeWhoseCellReadsAsTheStatusHeaderBelowTheRowsWhereAHeaderCanBe() {
        AnswerWorkbook.Rows rows = AnswerWorkbook.rows(HEADER_SEARCH_ROWS);
        rows.keep(row(1, "No", "Nama", "Catatan"));
        for (int number = 2; number <= 40; number++) {
            rows.keep(row(number, String.valueOf(number - 1), "Nur", ""));
        }
        // an office's own note that happens to read as Gugus's status header is the office's data
        SheetRow note = rows.keep(row(41, "40", "Nur", AnswerWorkbook.STATUS_HEADER));
        assertThat(note.cells()).extracting(CellValue::text).containsExactly("40", "Nur", AnswerWorkbook.STATUS_HEADER);
        SheetRow after = rows.keep(row(42, "41", "Sri", "catatan"));
        assertThat(after.cells()).extracting(CellValue::text).containsExactly("41", "Sri", "catatan");
    }

    private static SheetRow row(int number, String... cells) {
        return new SheetRow("Data", number, Arrays.stream(cells).map(CellValue::text).toList());
    }
}
