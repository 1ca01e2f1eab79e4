package org.gugus.intake.validate;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.gugus.intake.mapping.Template;
import org.gugus.workbook.CellValue;

/**
 * What a NIK cell was read as. Spaces, dots and hyphens are ignored ("6472 0101 0190 0001"), and
 * so is the apostrophe Excel users type in front of a number to keep it as text.
 */
public sealed interface NikReading {

    record Blank() implements NikReading {
    }

    record Valid(Nik nik) implements NikReading {
    }

    /** @param digits the digits read, for messages (for a lost 16th digit, the 16 digits with their trailing 0) */
    record Invalid(Problem problem, String digits) implements NikReading {
    }

    enum Problem {
        /** Not 16 digits once spaces, dots and hyphens are removed. */
        NOT_16_DIGITS,
        /** Written in scientific notation, e.g. "6.47201E+15": the digits are gone. */
        SCIENTIFIC_NOTATION,
        /** From a numeric cell ending in 0: Excel keeps 15 significant digits, the 16th became 0. */
        PRECISION_LOST
    }

    Pattern SCIENTIFIC = Pattern.compile("[0-9]+(?:[.,][0-9]+)?[eE][+]?[0-9]+");
    Pattern IGNORED = Pattern.compile("[\\s\\u00A0.\\-]");

    static NikReading read(CellValue cell, Template template) {
        if (template.isBlank(cell)) {
            return new Blank();
        }
        if (cell.kind() == CellValue.Kind.NUMBER && cell.number() != null) {
            return fromNumber(cell.number());
        }
        String text = cell.text().strip();
        if (text.startsWith("'")) {
            text = text.substring(1);
        }
        // without an exponent's letter it cannot be scientific notation: most NIKs skip the expression
        if ((text.indexOf('e') >= 0 || text.indexOf('E') >= 0) && SCIENTIFIC.matcher(text.replace(" ", "")).matches()) {
            return new Invalid(Problem.SCIENTIFIC_NOTATION, "");
        }
        String digits = withoutIgnored(text);
        return Nik.isSixteenDigits(digits) ? new Valid(new Nik(digits)) : new Invalid(Problem.NOT_16_DIGITS, digits);
    }

    /** The text without what {@link #IGNORED} matches, as its {@code replaceAll("")} gives it; most NIKs hold none. */
    private static String withoutIgnored(String text) {
        int at = 0;
        while (at < text.length() && !ignored(text.charAt(at))) {
            at++;
        }
        if (at == text.length()) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length()).append(text, 0, at);
        for (; at < text.length(); at++) {
            char c = text.charAt(at);
            if (!ignored(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** Whether {@link #IGNORED} matches the character: ASCII white space, a no-break space, a dot or a hyphen. */
    private static boolean ignored(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0' || c == '.'
                || c == '-';
    }

    private static NikReading fromNumber(double number) {
        if (!Double.isFinite(number) || number < 0 || number != Math.floor(number)) {
            return new Invalid(Problem.NOT_16_DIGITS, "");
        }
        String digits = new BigDecimal(number).toBigInteger().toString();
        if (digits.length() != 16) {
            return new Invalid(Problem.NOT_16_DIGITS, digits);
        }
        return digits.endsWith("0") ? new Invalid(Problem.PRECISION_LOST, digits) : new Valid(new Nik(digits));
    }
}
