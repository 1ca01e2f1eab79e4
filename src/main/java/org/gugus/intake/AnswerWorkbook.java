package org.gugus.intake;

import java.util.List;
import java.util.OptionalLong;
import org.gugus.workbook.CellValue;
import org.gugus.workbook.SheetRow;

/**
 * The marks of an answer workbook ("Hasil Pemeriksaan"): the workbook Gugus sends an office back,
 * its own rows marked up, which the office may fix and send again. Its first sheet
 * {@value #SUMMARY_SHEET} starts with {@value #TITLE} and names the file it answers on the row
 * labelled {@value #FILE_LABEL}; the status and notes columns Gugus added right of the data start
 * at the header {@value #STATUS_HEADER}. These texts are marks read back, so they never change
 * with the message bundles.
 * <p>
 * {@link #rows()} gives a filter that leaves out what Gugus added, so a workbook sent back reads
 * as the office's rows alone; every reader of delivered rows uses one per pass.
 */
public final class AnswerWorkbook {

    public static final String SUMMARY_SHEET = "Ringkasan";
    public static final String TITLE = "HASIL PEMERIKSAAN GUGUS / GUGUS CHECK RESULT";
    public static final String FILE_LABEL = "Nomor berkas Gugus / Gugus file number";
    public static final String STATUS_HEADER = "Status Pemeriksaan / Check status";
    public static final String NOTES_HEADER = "Catatan Pemeriksaan / Check notes";

    private AnswerWorkbook() {
    }

    /**
     * A new filter for one pass over a workbook's rows, in order. The status column is looked for only in
     * the rows where a header can be ({@code headerSearchRows}, the template's): Gugus writes it in the
     * header row, and a file that is no answer workbook had every cell of every row searched for it.
     */
    public static Rows rows(int headerSearchRows) {
        return new Rows(headerSearchRows);
    }

    /** Leaves out the summary sheet and the added columns; remembers the file answered. */
    public static final class Rows {

        private String sheet;
        private boolean summary;
        private int statusColumn = -1;
        private Long answersFile;
        private final int headerSearchRows;

        private Rows(int headerSearchRows) {
            this.headerSearchRows = headerSearchRows;
        }

        /** The row without Gugus's additions, or {@code null} when nothing of it is the office's. */
        public SheetRow keep(SheetRow row) {
            if (!row.sheet().equals(sheet)) {
                sheet = row.sheet();
                statusColumn = -1;
                summary = row.sheet().equals(SUMMARY_SHEET) && row.cell(0).text().strip().equals(TITLE);
            }
            if (summary) {
                if (row.cell(0).text().strip().equals(FILE_LABEL)) {
                    answersFile = number(row.cell(1));
                }
                return null;
            }
            if (statusColumn < 0 && row.rowNumber() <= headerSearchRows) {
                statusColumn = statusColumn(row.cells());
            }
            if (statusColumn < 0 || row.cells().size() <= statusColumn) {
                return row;
            }
            SheetRow kept = new SheetRow(row.sheet(), row.rowNumber(), row.cells().subList(0, statusColumn));
            return kept.isBlank() ? null : kept;
        }

        /** The Gugus file this workbook answers, once its summary sheet was read. */
        public OptionalLong answersFile() {
            return answersFile == null ? OptionalLong.empty() : OptionalLong.of(answersFile);
        }

        private static int statusColumn(List<CellValue> cells) {
            // looked for in every row where a header can be: a shorter text is not stripped
            for (int column = 0; column < cells.size(); column++) {
                String text = cells.get(column).text();
                if (text.length() >= STATUS_HEADER.length() && text.strip().equals(STATUS_HEADER)) {
                    return column;
                }
            }
            return -1;
        }

        private static Long number(CellValue cell) {
            try {
                return cell.number() != null ? Long.valueOf(cell.number().longValue())
                        : Long.valueOf(cell.text().strip().replaceFirst("^#", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
