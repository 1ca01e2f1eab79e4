package org.gugus.workbook;

import org.gugus.system.Messages;

/**
 * The file has no bytes at all (F_EMPTY), which usually means an upload or a copy was cut off,
 * not that the office sent the wrong kind of file.
 */
public class EmptyFileException extends UnreadableFileException {

    public EmptyFileException() {
        super(Messages.get("workbook.file.empty"), null);
    }
}
