package org.gugus.review;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.gugus.warehouse.StoredFinding;

/**
 * A finding of a rejected or flagged row, located: {@code messageId}/{@code messageEn} name the
 * file, sheet, row, column and value before saying what is wrong and what to do
 * ({@code cellMessageId}/{@code cellMessageEn}, as the rule worded it).
 */
public record ReviewFinding(String code, String field, String column, String value, String messageId, String messageEn,
        @JsonIgnore String cellMessageId, @JsonIgnore String cellMessageEn) {

    static ReviewFinding located(String fileName, String sheet, int row, StoredFinding finding) {
        return located(fileName, sheet, row, finding.code(), finding.field(), finding.column(), finding.value(),
                finding.messageId(), finding.messageEn());
    }

    static ReviewFinding located(String fileName, String sheet, int row, String code, String field, String column,
            String value, String cellMessageId, String cellMessageEn) {
        String shownValue = value == null || value.isBlank() ? null : value.strip();
        String where = "Berkas '" + fileName + "', lembar '" + sheet + "', baris " + row + ", kolom '" + column + "', "
                + (shownValue == null ? "kosong" : "nilai '" + shownValue + "'") + ": ";
        String whereEn = "File '" + fileName + "', sheet '" + sheet + "', row " + row + ", column '" + column + "', "
                + (shownValue == null ? "empty" : "value '" + shownValue + "'") + ": ";
        return new ReviewFinding(code, field, column, value, where + cellMessageId, whereEn + cellMessageEn,
                cellMessageId, cellMessageEn);
    }
}
