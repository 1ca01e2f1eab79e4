package org.gugus.intake;

import org.gugus.workbook.SheetRow;
import org.gugus.workbook.SpreadsheetFormat;

/**
 * Told the rows a load's stage reads of a delivered file, every one in the order read, so that
 * another module can keep them for a later pass over the same file instead of reading the
 * original again (the answer workbook copies the office's rows after the publish). What is told
 * never changes the stage: a listener that fails keeps its failure to itself.
 */
public interface FileRowsRead {

    /**
     * The stage starts reading file {@code fileId} (of {@code format}) from its top (again, after a restart):
     * where its rows go, or {@code null} when they are not kept.
     */
    Rows reading(long fileId, SpreadsheetFormat format);

    /** The rows of one reading of a file. */
    interface Rows {

        /** The next row read, before any is left out (an answer workbook's added sheet and columns too). */
        void row(SheetRow row);

        /** The reading reached the file's end: every row was told. */
        void ended();

        /** The reading stopped, at its end or not: what was not ended is dropped. */
        void close();
    }
}
