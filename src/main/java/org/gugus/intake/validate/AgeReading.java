package org.gugus.intake.validate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gugus.intake.mapping.Template;
import org.gugus.workbook.CellValue;

/**
 * What an age cell was read as: whole years, as "17", "17 tahun", "17 th", "17 thn 6 bln", or
 * months for babies ("6 bulan" is 0 years).
 */
public sealed interface AgeReading {

    int MAX_YEARS = 120;

    record Blank() implements AgeReading {
    }

    record Valid(int years) implements AgeReading {
    }

    /** Not a whole number of years in 0..120. */
    record Invalid() implements AgeReading {
    }

    Pattern YEARS = Pattern.compile(
            "(\\d{1,6})(?:[.,]0+)?\\s*(?:tahun|thn|th|tah|years?|yrs?|y)?\\.?", Pattern.CASE_INSENSITIVE);
    Pattern MONTHS = Pattern.compile("(\\d{1,6})\\s*(?:bulan|bln|bl|months?|mo)\\.?", Pattern.CASE_INSENSITIVE);
    Pattern YEARS_AND_MONTHS = Pattern.compile(
            "(\\d{1,6})\\s*(?:tahun|thn|th)\\.?,?\\s*\\d{1,2}\\s*(?:bulan|bln|bl)\\.?", Pattern.CASE_INSENSITIVE);

    static AgeReading read(CellValue cell, Template template) {
        if (template.isBlank(cell)) {
            return new Blank();
        }
        if (cell.kind() == CellValue.Kind.NUMBER && cell.number() != null) {
            double number = cell.number();
            return Double.isFinite(number) && number == Math.floor(number) ? years((long) number) : new Invalid();
        }
        String text = cell.text().strip().replace('\u00A0', ' ');
        Matcher matcher = YEARS.matcher(text);
        if (matcher.matches()) {
            return years(Long.parseLong(matcher.group(1)));
        }
        matcher = YEARS_AND_MONTHS.matcher(text);
        if (matcher.matches()) {
            return years(Long.parseLong(matcher.group(1)));
        }
        matcher = MONTHS.matcher(text);
        if (matcher.matches()) {
            return years(Long.parseLong(matcher.group(1)) / 12);
        }
        return new Invalid();
    }

    private static AgeReading years(long years) {
        return years >= 0 && years <= MAX_YEARS ? new Valid((int) years) : new Invalid();
    }
}
