package org.gugus.workbook;

import org.gugus.system.Message;

/**
 * The file is refused as too large (F_TOO_LARGE) before it can fill memory or disk: it expands far
 * beyond its stored size, as a decompression ("ZIP") bomb does, or a cell, a row or a row's columns
 * go past the {@link WorkbookLimits}. An ordinary large file is not this; its byte and row limits
 * are checked where the file is received and where its rows are counted.
 */
public class TooLargeFileException extends UnreadableFileException {

    public TooLargeFileException(String messageId, String messageEn, Throwable cause) {
        super(messageId, messageEn, cause);
    }

    public TooLargeFileException(Message message, Throwable cause) {
        super(message, cause);
    }
}
