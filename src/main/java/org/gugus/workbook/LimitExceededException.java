package org.gugus.workbook;

/**
 * A cell, a row or a row's columns went past a {@link WorkbookLimits} while being read. Thrown
 * from deep inside parsing (a CSV character stream, an XML text run), where the sheet is not
 * known; the reader turns it into a {@link TooLargeFileException} naming the sheet and row.
 */
final class LimitExceededException extends RuntimeException {

    enum Limit { CELL, LINE, COLUMNS }

    private final Limit limit;

    private final int maximum;

    private final int rowNumber;

    /**
     * @param rowNumber the 1-based row, or 0 when the reader knows it better than the place that found it
     */
    LimitExceededException(Limit limit, int maximum, int rowNumber) {
        super(limit + " limit of " + maximum + " exceeded", null, false, false);
        this.limit = limit;
        this.maximum = maximum;
        this.rowNumber = rowNumber;
    }

    static LimitExceededException cell(WorkbookLimits limits) {
        return new LimitExceededException(Limit.CELL, limits.maxCellChars(), 0);
    }

    static LimitExceededException line(WorkbookLimits limits) {
        return new LimitExceededException(Limit.LINE, limits.maxLineChars(), 0);
    }

    static LimitExceededException columns(WorkbookLimits limits) {
        return new LimitExceededException(Limit.COLUMNS, limits.maxColumns(), 0);
    }

    Limit limit() {
        return limit;
    }

    int maximum() {
        return maximum;
    }

    int rowNumber() {
        return rowNumber;
    }
}
