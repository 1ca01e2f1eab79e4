package org.gugus.workbook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Gives the value of a vertically merged range to every row of the range, in the range's first
 * column: offices merge a case's number, report date and stage across the rows of its victims, and
 * each of those rows is one victim of that case. Only the rows of a range that hold a value of their
 * own receive it, so a merged cell running past the data never makes a row out of nothing.
 * Horizontal merges are left as they are: a heading or "Jumlah" spread across columns says nothing
 * about the columns it covers, and the header detector reads group headings itself.
 *
 * <p>Rows must be shown in order, one sheet per instance. Ranges are known either before the sheet
 * is read (XLSX and XLS keep them after the cells, so the readers collect them first) or as their
 * first row is read (ODS writes the span on the cell).
 */
final class MergedCells {

    private final Deque<Range> pending = new ArrayDeque<>();

    private final List<Range> active = new ArrayList<>();

    /** Ranges collected before the sheet is read, in any order. */
    static MergedCells of(List<Range> ranges) {
        MergedCells cells = new MergedCells();
        ranges.stream().filter(Range::isVertical).sorted(Comparator.comparingInt(Range::firstRow))
                .forEach(cells.pending::addLast);
        return cells;
    }

    /** A range whose first row is the row about to be applied (ODS). */
    void add(Range range) {
        if (range.isVertical()) {
            active.add(range);
        }
    }

    boolean isEmpty() {
        return pending.isEmpty() && active.isEmpty();
    }

    /**
     * The cells of row {@code rowNumber} with merged values filled in. {@code cells} may be changed
     * and returned.
     */
    List<CellValue> apply(int rowNumber, List<CellValue> cells) {
        while (!pending.isEmpty() && pending.peekFirst().firstRow() <= rowNumber) {
            active.add(pending.pollFirst());
        }
        if (active.isEmpty()) {
            return cells;
        }
        boolean ownValue = cells.stream().anyMatch(cell -> !cell.isBlank());
        for (Iterator<Range> it = active.iterator(); it.hasNext();) {
            Range range = it.next();
            if (range.lastRow() < rowNumber) {
                it.remove();
            }
            else if (range.firstRow() == rowNumber) {
                range.value = range.firstColumn() < cells.size() ? cells.get(range.firstColumn()) : CellValue.BLANK;
            }
            else if (ownValue && !range.value.isBlank()) {
                while (cells.size() <= range.firstColumn()) {
                    cells.add(CellValue.BLANK);
                }
                cells.set(range.firstColumn(), range.value);
            }
        }
        return cells;
    }

    /** A merged range: 1-based rows as a person sees them, 0-based columns. */
    static final class Range {

        private final int firstRow;

        private final int lastRow;

        private final int firstColumn;

        private CellValue value = CellValue.BLANK;

        Range(int firstRow, int lastRow, int firstColumn) {
            this.firstRow = firstRow;
            this.lastRow = lastRow;
            this.firstColumn = firstColumn;
        }

        /** A range such as "B5:C7" (rows 5 to 7, from column B), or {@code null} if it is not one. */
        static Range parse(String reference) {
            if (reference == null) {
                return null;
            }
            reference = reference.replace("$", "");
            int colon = reference.indexOf(':');
            if (colon < 0) {
                return null;
            }
            int first = rowOf(reference.substring(0, colon));
            int last = rowOf(reference.substring(colon + 1));
            int column = XlsxWorkbookReader.columnOf(reference.substring(0, colon), -1);
            if (first <= 0 || last < first || column < 0) {
                return null;
            }
            return new Range(first, last, column);
        }

        private static int rowOf(String cell) {
            int i = 0;
            while (i < cell.length() && Character.isLetter(cell.charAt(i))) {
                i++;
            }
            try {
                return Integer.parseInt(cell.substring(i).replace("$", ""));
            }
            catch (NumberFormatException ex) {
                return -1;
            }
        }

        int firstRow() {
            return firstRow;
        }

        int lastRow() {
            return lastRow;
        }

        int firstColumn() {
            return firstColumn;
        }

        boolean isVertical() {
            return lastRow > firstRow;
        }
    }
}
