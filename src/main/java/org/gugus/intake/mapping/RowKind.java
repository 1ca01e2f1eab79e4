package org.gugus.intake.mapping;

/**
 * What a row of a sheet is. Only {@link #DATA} rows are mapped and validated; the others are
 * counted apart as skipped, except {@link #HEADER} rows, which are not rows read at all.
 */
public enum RowKind {
    /** The header row, or a title row above it. */
    HEADER,
    /** A victim row. */
    DATA,
    /** Nothing filled in, apart perhaps from the running number. */
    BLANK,
    /** The row of column numbers (1, 2, 3, ...) under the header. */
    COLUMN_NUMBERS,
    /** A "Jumlah"/"Total" row. */
    TOTAL,
    /** A row of the signature block, or any row after its start. */
    SIGNATURE
}
