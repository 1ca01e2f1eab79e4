package org.gugus.warehouse;

/**
 * A finding as the warehouse keeps it with a rejected row or a flagged victim: the rule's code, the
 * field and the column as written, the value, and the rule's message in both languages.
 */
public record StoredFinding(String code, String field, String column, String value, String messageId,
        String messageEn) {
}
