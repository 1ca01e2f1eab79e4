package org.gugus.web;

import java.util.List;
import org.gugus.review.ReviewFinding;

/**
 * What became of one row of a fix of many rows at once: where it is, the outcome of its correction
 * (INSERTED, UPDATED, UNCHANGED; REJECTED when it still fails, FAILED when it could not be sent) and
 * the errors left on it.
 */
record BulkFix(long id, String sheet, int rowNumber, String outcome, List<Problem> problems) {

    /** One error left on the row, in both languages. */
    record Problem(String column, String messageId, String messageEn) {
    }

    static BulkFix of(ReviewRowView row, String outcome, List<ReviewFinding> findings) {
        return new BulkFix(row.id(), row.sheet(), row.rowNumber(), outcome, findings.stream()
                .filter(f -> f.code().startsWith("E_") || f.code().startsWith("F_"))
                .map(f -> new Problem(f.column(), f.cellMessageId() == null ? f.messageId() : f.cellMessageId(),
                        f.cellMessageEn() == null ? f.messageEn() : f.cellMessageEn()))
                .toList());
    }

    static BulkFix failed(ReviewRowView row, String message) {
        return new BulkFix(row.id(), row.sheet(), row.rowNumber(), "FAILED", List.of(new Problem(null, message, message)));
    }

    public boolean passed() {
        return !"REJECTED".equals(outcome) && !"FAILED".equals(outcome);
    }
}
