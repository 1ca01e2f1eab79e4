package org.gugus.intake;

/** The whole file cannot be loaded; it goes to quarantine with this error and nothing of it is loaded. */
public class QuarantineException extends RuntimeException {

    private final FileError error;

    public QuarantineException(FileError error) {
        super(error.code() + ": " + error.messageEn());
        this.error = error;
    }

    public FileError error() {
        return error;
    }
}
