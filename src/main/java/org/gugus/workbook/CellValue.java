package org.gugus.workbook;

import java.time.LocalDateTime;

/**
 * One cell as the office wrote it. {@code text} is what a person sees in the cell (for a numeric
 * cell, the number without a needless ".0"; for a date cell, ISO yyyy-mm-dd); {@code number} and
 * {@code dateTime} keep the typed value where the cell had one, so rules can tell a NIK typed as
 * a number (precision lost) from one typed as text. {@code charactersRemoved} says that the text
 * as written held characters PostgreSQL cannot store (NUL, a lone UTF-16 surrogate), which the
 * reader removed or replaced by U+FFFD, so the row can say so instead of failing the file.
 */
public record CellValue(String text, Kind kind, Double number, LocalDateTime dateTime, boolean charactersRemoved) {

    public enum Kind { BLANK, TEXT, NUMBER, DATE, BOOLEAN, ERROR }

    public static final CellValue BLANK = new CellValue("", Kind.BLANK, null, null);

    public CellValue {
        text = text == null ? "" : text;
    }

    /** A cell whose text is as written. */
    public CellValue(String text, Kind kind, Double number, LocalDateTime dateTime) {
        this(text, kind, number, dateTime, false);
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
