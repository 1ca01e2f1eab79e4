package org.gugus.workbook;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the cells of one row as any reader meets them, by 0-based column, and holds every
 * reader to the same {@link WorkbookLimits}: a value past the last column allowed, a cell or a row
 * with too many characters ends the read with a {@link LimitExceededException} before more is
 * held. Blank values take no room: columns between values are padded only when a later value
 * needs them, and trailing blanks never appear in a finished row.
 */
final class RowBuilder {

    private final WorkbookLimits limits;

    private List<CellValue> cells = new ArrayList<>();

    private long lineChars;

    RowBuilder(WorkbookLimits limits) {
        this.limits = limits;
    }

    WorkbookLimits limits() {
        return limits;
    }

    /** Puts a value in a column; a blank value changes nothing. */
    void put(int column, CellValue value) {
        if (value.isBlank()) {
            return;
        }
        if (column < 0 || column >= limits.maxColumns()) {
            throw LimitExceededException.columns(limits);
        }
        checkCell(value.text().length());
        lineChars += value.text().length();
        if (column < cells.size()) {
            lineChars -= cells.get(column).text().length();
        }
        if (lineChars > limits.maxLineChars()) {
            throw LimitExceededException.line(limits);
        }
        while (cells.size() <= column) {
            cells.add(CellValue.BLANK);
        }
        cells.set(column, value);
    }

    /** Fails when a cell's text, even while still being read, is longer than a cell may be. */
    void checkCell(long chars) {
        if (chars > limits.maxCellChars()) {
            throw LimitExceededException.cell(limits);
        }
    }

    boolean isEmpty() {
        return cells.isEmpty();
    }

    /** The row's cells up to its last value, and a fresh start for the next row; empty if it held no value. */
    List<CellValue> finish() {
        List<CellValue> row = cells;
        cells = new ArrayList<>();
        lineChars = 0;
        int last = row.size() - 1;
        while (last >= 0 && row.get(last).isBlank()) {
            last--;
        }
        return last == row.size() - 1 ? row : new ArrayList<>(row.subList(0, last + 1));
    }
}
