package org.gugus.workbook;

import java.io.Closeable;

/**
 * Streams the rows of every sheet of one workbook, sheet after sheet, never holding the file whole
 * in memory. Not thread-safe; one reader per file.
 */
public interface WorkbookReader extends Closeable {

    SpreadsheetFormat format();

    /** The next row, or {@code null} after the last row of the last sheet. */
    SheetRow next() throws UnreadableFileException;

    @Override
    void close();
}
