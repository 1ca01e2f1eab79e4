package org.gugus.workbook;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Whether the cells of a style (an XLSX cell style, an XLS extended format) show dates, decided
 * once per style: a sheet has a handful of styles and thousands of number cells. A style's answer
 * is kept by its index in an array ({@link #known}), which a number cell reads without boxing the
 * index or making the function that asks for the style's format (a million-row sheet asks for
 * each of its number cells, on the thread that parses it).
 */
final class DateFormats {

    /** Styles answered in the array; a workbook's styles are numbered from 0 and rarely pass a few hundred. */
    private static final int ARRAY_STYLES = 1 << 16;

    private static final byte UNKNOWN = 0;

    private static final byte NOT_DATE = 1;

    private static final byte DATE = 2;

    /** A style's number format: its index and pattern (null when the workbook does not define it). */
    record NumberFormat(int index, String pattern) {
    }

    private byte[] byIndex = new byte[16];

    /** Styles outside the array's range (a negative index, or one past it, from a damaged file). */
    private final Map<Integer, Boolean> byStyle = new HashMap<>();

    /** The answer for a style already asked about; null for one never asked about. */
    Boolean known(int style) {
        if (style >= 0 && style < byIndex.length) {
            byte answer = byIndex[style];
            return answer == UNKNOWN ? null : answer == DATE;
        }
        return byStyle.get(style);
    }

    /**
     * @param formatOfStyle the number format of a style, asked once per style; it may throw or give
     *                      null for a style the workbook does not define, which is "General", as
     *                      Excel reads it
     */
    boolean isDate(int style, IntFunction<NumberFormat> formatOfStyle) {
        Boolean known = known(style);
        if (known != null) {
            return known;
        }
        boolean date = decide(style, formatOfStyle);
        if (style >= 0 && style < ARRAY_STYLES) {
            if (style >= byIndex.length) {
                byIndex = Arrays.copyOf(byIndex, Math.min(ARRAY_STYLES, Math.max(style + 1, byIndex.length * 2)));
            }
            byIndex[style] = date ? DATE : NOT_DATE;
        }
        else {
            byStyle.put(style, date);
        }
        return date;
    }

    private static boolean decide(int style, IntFunction<NumberFormat> formatOfStyle) {
        try {
            NumberFormat format = formatOfStyle.apply(style);
            return format != null && format.pattern() != null && DateUtil.isADateFormat(format.index(), format.pattern());
        }
        catch (RuntimeException ex) {
            return false;
        }
    }
}
