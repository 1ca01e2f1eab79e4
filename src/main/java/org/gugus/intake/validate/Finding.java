package org.gugus.intake.validate;

import org.gugus.intake.mapping.Field;

/**
 * One thing a rule found in a row: its code, the field and the column header as written in the
 * file, the offending value as written, and what to do, in Indonesian and in English.
 */
public record Finding(RuleCode code, Field field, String column, String value, String messageId, String messageEn) {

    public Severity severity() {
        return code.severity();
    }
}
