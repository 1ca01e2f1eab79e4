package org.gugus.workbook;

import org.gugus.system.Message;

/**
 * The file cannot be read as any supported spreadsheet format (F_UNREADABLE). The two messages
 * say what was found and what the office should do, in Indonesian and in English.
 */
public class UnreadableFileException extends Exception {

    private final String messageId;

    public UnreadableFileException(String messageId, String messageEn, Throwable cause) {
        super(messageEn, cause);
        this.messageId = messageId;
    }

    public UnreadableFileException(String messageId, String messageEn) {
        this(messageId, messageEn, null);
    }

    public UnreadableFileException(Message message, Throwable cause) {
        this(message.id(), message.en(), cause);
    }

    public String messageId() {
        return messageId;
    }

    public String messageEn() {
        return getMessage();
    }
}
