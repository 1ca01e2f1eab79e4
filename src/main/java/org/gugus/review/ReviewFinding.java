package org.gugus.review;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;
import org.gugus.system.Message;
import org.gugus.system.Messages;
import org.gugus.warehouse.StoredFinding;

/**
 * A finding of a rejected or flagged row, located: {@code messageId}/{@code messageEn} name the
 * file, sheet, row, column and value before saying what is wrong and what to do
 * ({@code cellMessageId}/{@code cellMessageEn}, as the rule worded it).
 */
public record ReviewFinding(String code, String field, String column, String value, String messageId, String messageEn,
        @JsonIgnore String cellMessageId, @JsonIgnore String cellMessageEn) {

    static ReviewFinding located(Message file, String sheet, int row, StoredFinding finding) {
        return located(file, sheet, row, finding.code(), finding.field(), finding.column(), finding.value(),
                finding.messageId(), finding.messageEn());
    }

    /** The finding with its place written before the rule's message: file (or correction), sheet, row, column, value. */
    static ReviewFinding located(Message file, String sheet, int row, String code, String field, String column,
            String value, String cellMessageId, String cellMessageEn) {
        String shownValue = value == null || value.isBlank() ? null : value.strip();
        String key = shownValue == null ? "review.finding.where-empty" : "review.finding.where";
        return new ReviewFinding(code, field, column, value,
                Messages.text(Messages.INDONESIAN, key, file.id(), sheet, row, column, shownValue, cellMessageId),
                Messages.text(Locale.ENGLISH, key, file.en(), sheet, row, column, shownValue, cellMessageEn),
                cellMessageId, cellMessageEn);
    }
}
