package org.gugus.reporting;

/**
 * Text that a spreadsheet would run as a formula, or as a command through one, begins with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return (CSV injection). In CSV
 * such a cell is written with a leading apostrophe, which Excel and LibreOffice read as "text"; in
 * XLSX it is a text cell with the quote-prefix style, which shows the text as it is.
 */
final class FormulaGuard {

    private FormulaGuard() {
    }

    /** Whether a spreadsheet could take this text for a formula. */
    static boolean risky(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** The text as a CSV cell that no spreadsheet runs. */
    static String csv(String text) {
        return risky(text) ? "'" + text : text;
    }
}
