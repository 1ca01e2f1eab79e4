package org.gugus.workbook;

/**
 * The file expands far beyond its stored size, as a decompression ("ZIP") bomb does (F_TOO_LARGE):
 * it is refused before it can fill memory or disk. An ordinary large file is not this; its byte and
 * row limits are checked where the file is received and where its rows are counted.
 */
public class TooLargeFileException extends UnreadableFileException {

    public TooLargeFileException(String messageId, String messageEn, Throwable cause) {
        super(messageId, messageEn, cause);
    }
}
