package org.gugus.workbook;

/** How text from any format becomes the text of a {@link CellValue}. */
final class CellText {

    /** What stands for a broken (lone surrogate) character, as a decoder does for bad bytes. */
    static final char REPLACEMENT = '\uFFFD';

    private CellText() {
    }

    /**
     * Trims the text, counting non-breaking spaces as spaces: Excel and web forms put them where a
     * person typed a space, and they would otherwise survive trimming and break comparisons.
     */
    static String clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        return raw.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ').strip();
    }

    /**
     * A text cell, trimmed, with what PostgreSQL cannot store taken out at this boundary: NUL is
     * removed (text and jsonb refuse it; it is never meant in a name or a date) and a lone surrogate
     * becomes U+FFFD (it has no UTF-8 form). The cell then says characters were removed, so the
     * row carries a warning instead of the whole file failing at the database.
     */
    static CellValue text(String raw) {
        if (raw == null || raw.isEmpty()) {
            return CellValue.BLANK;
        }
        if (isClean(raw)) {
            return new CellValue(raw, CellValue.Kind.TEXT, null, null);
        }
        String storable = storable(raw);
        String text = clean(storable);
        if (storable == raw || text.isBlank()) {
            return CellValue.text(text);
        }
        return new CellValue(text, CellValue.Kind.TEXT, null, null, true);
    }

    /**
     * Whether {@code raw} is already what {@link #text} makes of it, told in one pass: no space to
     * trim at either end, no space to normalise, nothing PostgreSQL cannot store. Most cells are.
     */
    private static boolean isClean(String raw) {
        int last = raw.length() - 1;
        if (Character.isWhitespace(raw.charAt(0)) || Character.isWhitespace(raw.charAt(last))) {
            return false;
        }
        for (int i = 0; i <= last; i++) {
            char c = raw.charAt(i);
            if (c < ' ' ? c == '\0' : c >= '\u00A0' && (c == '\u00A0' || c == '\u2007' || c == '\u202F'
                    || Character.isSurrogate(c))) {
                return false;
            }
        }
        return true;
    }

    /** {@code raw} itself when it holds nothing to remove, else a cleaned copy. */
    static String storable(String raw) {
        int first = firstUnstorable(raw);
        if (first < 0) {
            return raw;
        }
        StringBuilder text = new StringBuilder(raw.length());
        text.append(raw, 0, first);
        for (int i = first; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\0') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                text.append(c).append(raw.charAt(++i));
            }
            else {
                text.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return text.toString();
    }

    private static int firstUnstorable(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\0') {
                return i;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                    i++;
                }
                else {
                    return i;
                }
            }
        }
        return -1;
    }
}
