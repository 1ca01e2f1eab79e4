package org.gugus.web;

import java.util.List;

/**
 * One cell of a row under review: its column as the office headed it, the value it holds (what the
 * office wrote, or what the reviewer has typed since), and the findings on it.
 */
record ReviewCell(String column, String value, List<CellFinding> findings) {

    /** A finding on a cell: its code, whether it rejects the row (E_) or only warns (W_), the message in both languages. */
    record CellFinding(String code, String messageId, String messageEn) {

        public boolean error() {
            return code.startsWith("E_") || code.startsWith("F_");
        }
    }

    public boolean error() {
        return findings.stream().anyMatch(CellFinding::error);
    }

    public boolean warning() {
        return !findings.isEmpty() && !error();
    }
}
