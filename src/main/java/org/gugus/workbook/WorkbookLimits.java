package org.gugus.workbook;

/**
 * How much one cell, one row and one row's columns may hold before a file is refused as too large
 * (F_TOO_LARGE). No office writes anything near these: they exist so that a damaged or hostile
 * file (a 50 MB cell, a line of millions of delimiters, an unclosed quote swallowing the rest of a
 * CSV) is refused within seconds and in bounded memory, instead of filling the heap. Every reader
 * checks them while it reads, before a cell or a row is held whole.
 *
 * @param maxCellChars most characters in one cell; Excel itself holds at most 32,767
 * @param maxLineChars most characters in one row (a CSV record), all its cells together
 * @param maxColumns   most columns a row may reach; Excel and LibreOffice stop at 16,384
 */
public record WorkbookLimits(int maxCellChars, int maxLineChars, int maxColumns) {

    /** The defaults documented in the README: 32,767 characters a cell, 1,048,576 a row, 16,384 columns. */
    public static final WorkbookLimits DEFAULTS = new WorkbookLimits(32_767, 1_048_576, 16_384);

    public WorkbookLimits {
        if (maxCellChars < 1 || maxLineChars < maxCellChars || maxColumns < 1) {
            throw new IllegalArgumentException("Workbook limits need max-cell-chars >= 1, max-line-chars >= "
                    + "max-cell-chars and max-columns >= 1; found " + maxCellChars + ", " + maxLineChars + ", "
                    + maxColumns);
        }
    }
}
