package org.gugus.intake.mapping;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gugus.workbook.CellValue;
import org.gugus.workbook.SheetRow;

/**
 * Tells the data rows of one sheet from the rows around them that are not data. Remembers what it
 * has seen: a row of column numbers is only recognised before the first data row, and once the
 * signature block has begun every later row belongs to it. So one classifier serves one sheet,
 * and must be shown its rows in order. Obtain it from {@link HeaderLayout#rowClassifier()}.
 */
public final class RowClassifier {

    /** Signature blocks are short rows; a data row fills many columns with different values. */
    private static final int MAX_SIGNATURE_TEXTS = 3;
    private static final Pattern COLUMN_NUMBER = Pattern.compile("\\(?(\\d{1,3})\\)?\\.?");
    private static final Pattern PLACE = Pattern.compile("\\p{L}[\\p{L} .'\\-]*");
    private static final Pattern PLACE_AND_DATE = Pattern.compile(
            "(\\p{L}[\\p{L} .'\\-]*?)\\s+(\\d{1,2}\\s+\\p{L}+\\.?\\s+\\d{4})");
    private static final Pattern MONTH_AND_YEAR = Pattern.compile("(\\p{L}+)\\.?\\s+\\d{4}");

    private final Template template;
    private final HeaderLayout layout;
    private boolean dataSeen;
    private boolean signatureSeen;

    RowClassifier(Template template, HeaderLayout layout) {
        this.template = template;
        this.layout = layout;
    }

    public RowKind classify(SheetRow row) {
        if (row.rowNumber() <= layout.headerRowNumber()) {
            return RowKind.HEADER;
        }
        if (signatureSeen) {
            return RowKind.SIGNATURE;
        }
        Filled filled = filled(row);
        if (filled.first() == null) {
            return RowKind.BLANK;
        }
        if (!dataSeen && isColumnNumbers(row)) {
            return RowKind.COLUMN_NUMBERS;
        }
        if (template.isTotalLabel(filled.first().text())) {
            return RowKind.TOTAL;
        }
        if (!filled.tooManyTexts() && isSignature(filled.texts())) {
            signatureSeen = true;
            return RowKind.SIGNATURE;
        }
        dataSeen = true;
        return RowKind.DATA;
    }

    /**
     * The cells that hold something, in column order, as far as telling the row's kind needs them:
     * the first, and their texts until more than a signature block's differ (a data row's do by its
     * fifth filled cell, so its other cells are not looked at here). A number in the running-number
     * column is left out (templates come numbered in advance), but text there counts: "Jumlah" or
     * "Mengetahui" often sits in column A.
     */
    private Filled filled(SheetRow row) {
        CellValue first = null;
        Set<String> texts = new LinkedHashSet<>();
        for (int column = 0; column < row.cells().size(); column++) {
            CellValue cell = row.cell(column);
            boolean runningNumber = layout.fieldsByColumn().get(column) == Field.ROW_NUMBER
                    && (cell.kind() == CellValue.Kind.NUMBER || isRunningNumber(cell.text()));
            if (!runningNumber && !template.isBlank(cell)) {
                if (first == null) {
                    first = cell;
                }
                texts.add(Spaces.collapsed(cell.text()));
                if (texts.size() > MAX_SIGNATURE_TEXTS) {
                    return new Filled(first, texts, true);
                }
            }
        }
        return new Filled(first, texts, false);
    }

    /**
     * @param first        the first filled cell; null when none is
     * @param texts        the filled cells' texts, spaces collapsed, each once
     * @param tooManyTexts whether more texts differ than a signature block holds (then not all are in {@code texts})
     */
    private record Filled(CellValue first, Set<String> texts, boolean tooManyTexts) {
    }

    /**
     * A running number as written ("12", "12."): one to six ASCII digits and an optional dot, spaces
     * around them aside. Checked by hand: a CSV's every row has its number as text.
     */
    static boolean isRunningNumber(String text) {
        String number = text.strip();
        int length = number.length();
        int digits = length > 0 && number.charAt(length - 1) == '.' ? length - 1 : length;
        if (digits < 1 || digits > 6) {
            return false;
        }
        for (int i = 0; i < digits; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isColumnNumbers(SheetRow row) {
        int count = 0;
        long previous = 0;
        for (CellValue cell : row.cells()) {
            if (cell.isBlank()) {
                continue;
            }
            Matcher matcher = COLUMN_NUMBER.matcher(cell.text().strip());
            if (!matcher.matches()) {
                return false;
            }
            long number = Long.parseLong(matcher.group(1));
            if (number <= previous) {
                return false;
            }
            previous = number;
            count++;
        }
        return count >= 2;
    }

    /** Whether a row of at most a few different texts is a signature block's. */
    private boolean isSignature(Set<String> texts) {
        return texts.stream().anyMatch(text -> template.isSignatureLabel(text) || isPlaceAndDate(text));
    }

    /** "Samarinda, 5 Juli 2024", "Tenggarong, 05/07/2024", "Bontang, Juli 2024", "Samarinda 5 Juli 2024". */
    private boolean isPlaceAndDate(String text) {
        int comma = text.lastIndexOf(',');
        if (comma > 0) {
            String place = text.substring(0, comma).strip();
            String date = text.substring(comma + 1).strip();
            return PLACE.matcher(place).matches() && !template.dates().isMonth(place) && isDate(date);
        }
        Matcher matcher = PLACE_AND_DATE.matcher(text);
        return matcher.matches() && !template.dates().isMonth(matcher.group(1)) && isDate(matcher.group(2));
    }

    private boolean isDate(String text) {
        if (template.dates().readText(text) instanceof DateReading.Valid) {
            return true;
        }
        Matcher matcher = MONTH_AND_YEAR.matcher(text);
        return matcher.matches() && template.dates().isMonth(matcher.group(1));
    }
}
