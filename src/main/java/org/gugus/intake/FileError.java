package org.gugus.intake;

/**
 * Why a whole file was quarantined: an F_ code of the template (or F_UNKNOWN_OFFICE), and what to
 * do, in Indonesian and in English.
 */
public record FileError(String code, String messageId, String messageEn) {

    /** Both languages, Indonesian first, as shown to a steward. */
    public String message() {
        return messageId + " / " + messageEn;
    }
}
