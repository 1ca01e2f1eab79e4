package org.gugus.system;

/**
 * A text a user reads, in Indonesian (the users' language, shown first) and in English.
 *
 * @param id the Indonesian text
 * @param en the English text
 */
public record Message(String id, String en) {

    /** Both languages, Indonesian first, as notes, logs for people and the command line show them. */
    public String both() {
        return id + " / " + en;
    }
}
