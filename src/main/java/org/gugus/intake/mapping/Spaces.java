package org.gugus.intake.mapping;

/**
 * Spaces in what offices write, without regular expressions (every cell of every row passes here).
 */
public final class Spaces {

    private Spaces() {
    }

    /**
     * The text stripped ({@link String#strip()}) with each run of ASCII white space ({@code \s}:
     * space, tab, line breaks, vertical tab, form feed) inside it made one space; exactly what
     * {@code Pattern.compile("\\s+").matcher(text.strip()).replaceAll(" ")} gives.
     */
    public static String collapsed(String text) {
        String stripped = text.strip();
        int length = stripped.length();
        int at = 0;
        while (at < length && !(isSpace(stripped.charAt(at)) && (stripped.charAt(at) != ' '
                || at + 1 < length && isSpace(stripped.charAt(at + 1))))) {
            at++;
        }
        if (at == length) {
            return stripped;
        }
        StringBuilder collapsed = new StringBuilder(length).append(stripped, 0, at);
        while (at < length) {
            char c = stripped.charAt(at++);
            if (isSpace(c)) {
                collapsed.append(' ');
                while (at < length && isSpace(stripped.charAt(at))) {
                    at++;
                }
            } else {
                collapsed.append(c);
            }
        }
        return collapsed.toString();
    }

    /** As {@link #collapsed(String)}, with no-break spaces taken as spaces first. */
    public static String collapsedWithNoBreak(String text) {
        return collapsed(text.indexOf('\u00A0') < 0 ? text : text.replace('\u00A0', ' '));
    }

    /** Whether a character is {@code \s} of a regular expression (ASCII white space). */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
