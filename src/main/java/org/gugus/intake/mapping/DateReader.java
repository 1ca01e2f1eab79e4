package org.gugus.intake.mapping;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gugus.workbook.CellValue;

/**
 * Reads the dates of the template: spreadsheet date cells; Excel serial numbers (1900 date system);
 * {@code yyyy-mm-dd}; {@code dd/mm/yyyy}, {@code dd-mm-yyyy}, {@code dd.mm.yyyy}, always day first;
 * and {@code 12 Maret 2024}, {@code 12 Mar 2024}, {@code 12-Mar-2024} with the template's month
 * names. Two-digit years are refused: "12/05/24" could be 1924 or 2024. Never throws.
 */
public final class DateReader {

    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2999;
    /** 31 December 9999, the last day Excel can show. */
    private static final long MAX_SERIAL = 2_958_465;
    /** Excel's 29 February 1900, a day that never was (kept for Lotus 1-2-3 compatibility). */
    private static final long PHANTOM_LEAP_DAY = 60;

    private static final Pattern SERIAL = Pattern.compile("\\d{1,8}(?:[.,]0+)?");
    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,4})");
    private static final Pattern MONTH_NAMED = Pattern.compile("(\\d{1,2})[\\s\\-/.,]*(\\p{L}+)\\.?[\\s\\-/.,]*(\\d{1,4})");
    private static final Pattern TIME_OF_DAY = Pattern.compile("[ T]\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2}(?:[.,]\\d{1,9})?)?$");

    private final Predicate<CellValue> blank;
    private final Map<String, Integer> months;
    private final Set<String> weekdays;

    DateReader(Predicate<CellValue> blank, Map<String, Integer> monthsByKey, Set<String> weekdayKeys) {
        this.blank = blank;
        this.months = Map.copyOf(monthsByKey);
        this.weekdays = Set.copyOf(weekdayKeys);
    }

    public DateReading read(CellValue cell) {
        if (cell == null || blank.test(cell)) {
            return new DateReading.Blank();
        }
        if (cell.kind() == CellValue.Kind.DATE && cell.dateTime() != null) {
            return checked(cell.dateTime().toLocalDate());
        }
        if (cell.kind() == CellValue.Kind.NUMBER && cell.number() != null) {
            return fromSerial(cell.number());
        }
        return readText(cell.text());
    }

    /** Reads a date written as text, e.g. the date part of "Samarinda, 5 Juli 2024". */
    public DateReading readText(String value) {
        if (value == null || value.isBlank()) {
            return new DateReading.Blank();
        }
        DateReading plain = plainDayFirst(value);
        if (plain != null) {
            return plain;
        }
        String text = withoutWeekday(Spaces.collapsedWithNoBreak(value));
        text = TIME_OF_DAY.matcher(text).replaceFirst("").strip();
        if (SERIAL.matcher(text).matches()) {
            return fromSerial(Double.parseDouble(text.replace(',', '.')));
        }
        Matcher matcher = YEAR_FIRST.matcher(text);
        if (matcher.matches()) {
            return date(number(matcher.group(1)), number(matcher.group(2)), number(matcher.group(3)));
        }
        matcher = DAY_FIRST.matcher(text);
        if (matcher.matches()) {
            return dayFirst(matcher.group(1), number(matcher.group(2)), matcher.group(3));
        }
        matcher = MONTH_NAMED.matcher(text);
        if (matcher.matches()) {
            Integer month = months.get(MatchKey.of(matcher.group(2)));
            return month == null ? new DateReading.Invalid(DateReading.Problem.UNREADABLE)
                    : dayFirst(matcher.group(1), month, matcher.group(3));
        }
        return new DateReading.Invalid(DateReading.Problem.UNREADABLE);
    }

    /** Whether a text is a month name or abbreviation of the template. */
    public boolean isMonth(String word) {
        return months.containsKey(MatchKey.of(word));
    }

    private String withoutWeekday(String text) {
        List<String> words = MatchKey.words(text);
        if (words.isEmpty() || !weekdays.contains(words.get(0))) {
            return text;
        }
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != ',') {
            end++;
        }
        while (end < text.length() && (Character.isWhitespace(text.charAt(end)) || text.charAt(end) == ',')) {
            end++;
        }
        return text.substring(end);
    }

    private DateReading dayFirst(String day, int month, String year) {
        if (year.length() == 2) {
            return new DateReading.Invalid(DateReading.Problem.TWO_DIGIT_YEAR);
        }
        if (year.length() != 4) {
            return new DateReading.Invalid(DateReading.Problem.UNREADABLE);
        }
        return date(number(year), month, number(day));
    }

    private static DateReading fromSerial(double serial) {
        if (!Double.isFinite(serial)) {
            return new DateReading.Invalid(DateReading.Problem.UNREADABLE);
        }
        double days = Math.floor(serial);
        if (days == serial && days >= MIN_YEAR && days <= 2100) {
            // A whole number like 2024 in a date column is a year typed alone, not 16 July 1905.
            return new DateReading.Invalid(DateReading.Problem.YEAR_ONLY);
        }
        if (days < 1 || days > MAX_SERIAL) {
            return new DateReading.Invalid(DateReading.Problem.UNREADABLE);
        }
        long whole = (long) days;
        if (whole == PHANTOM_LEAP_DAY) {
            return new DateReading.Invalid(DateReading.Problem.NO_SUCH_DAY);
        }
        LocalDate epoch = whole < PHANTOM_LEAP_DAY ? LocalDate.of(1899, 12, 31) : LocalDate.of(1899, 12, 30);
        return checked(epoch.plusDays(whole));
    }

    private static DateReading date(int year, int month, int day) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return new DateReading.Invalid(DateReading.Problem.YEAR_OUT_OF_RANGE);
        }
        try {
            return new DateReading.Valid(LocalDate.of(year, month, day));
        }
        catch (DateTimeException noSuchDay) {
            return new DateReading.Invalid(DateReading.Problem.NO_SUCH_DAY);
        }
    }

    private static DateReading checked(LocalDate date) {
        return date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR
                ? new DateReading.Invalid(DateReading.Problem.YEAR_OUT_OF_RANGE)
                : new DateReading.Valid(date);
    }

    /**
     * The common case without regular expressions: {@code d/m/yyyy} to {@code dd/mm/yyyy} with
     * {@code /}, {@code -} or {@code .}, nothing around it; read as {@link #DAY_FIRST} reads it.
     * Null for anything else.
     */
    private static DateReading plainDayFirst(String value) {
        int length = value.length();
        int at = 0;
        int day = 0;
        int month = 0;
        int year = 0;
        int digits = 0;
        while (at < length && digits < 3 && isDigit(value.charAt(at))) {
            day = day * 10 + value.charAt(at++) - '0';
            digits++;
        }
        if (digits == 0 || digits > 2 || at == length || !isSeparator(value.charAt(at++))) {
            return null;
        }
        digits = 0;
        while (at < length && digits < 3 && isDigit(value.charAt(at))) {
            month = month * 10 + value.charAt(at++) - '0';
            digits++;
        }
        if (digits == 0 || digits > 2 || at == length || !isSeparator(value.charAt(at++))) {
            return null;
        }
        digits = 0;
        while (at < length && isDigit(value.charAt(at))) {
            year = year * 10 + value.charAt(at++) - '0';
            if (++digits > 4) {
                return null;
            }
        }
        return digits == 4 && at == length ? date(year, month, day) : null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == '-' || c == '.';
    }

    private static int number(String digits) {
        return Integer.parseInt(digits);
    }
}
