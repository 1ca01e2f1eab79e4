package org.gugus.workbook;

import java.time.LocalDateTime;

/**
 * One cell as the office wrote it. {@code text} is what a person sees in the cell (for a numeric
 * cell, the number without a needless ".0"; for a date cell, ISO yyyy-mm-dd); {@code number} and
 * {@code dateTime} keep the typed value where the cell had one, so rules can tell a NIK typed as
 * a number (precision lost) from one typed as text.
 */
public record CellValue(String text, Kind kind, Double number, LocalDateTime dateTime) {

    public enum Kind { BLANK, TEXT, NUMBER, DATE, BOOLEAN, ERROR }

    public static final CellValue BLANK = new CellValue("", Kind.BLANK, null, null);

    public CellValue {
        text = text == null ? "" : text;
    }

    public static CellValue text(String text) {
        return text == null || text.isBlank() ? BLANK : new CellValue(text, Kind.TEXT, null, null);
    }

    public static CellValue number(double value, String asShown) {
        return new CellValue(asShown, Kind.NUMBER, value, null);
    }

    public static CellValue date(LocalDateTime value) {
        return new CellValue(value.toLocalDate().toString(), Kind.DATE, null, value);
    }

    public boolean isBlank() {
        return kind == Kind.BLANK || text.isBlank();
    }
}
