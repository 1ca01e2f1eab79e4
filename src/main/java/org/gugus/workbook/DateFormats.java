package org.gugus.workbook;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Whether the cells of a style (an XLSX cell style, an XLS extended format) show dates, decided
 * once per style: a sheet has a handful of styles and thousands of number cells.
 */
final class DateFormats {

    /** A style's number format: its index and pattern (null when the workbook does not define it). */
    record NumberFormat(int index, String pattern) {
    }

    private final Map<Integer, Boolean> byStyle = new HashMap<>();

    /**
     * @param formatOfStyle the number format of a style, asked once per style; it may throw or give
     *                      null for a style the workbook does not define, which is "General", as
     *                      Excel reads it
     */
    boolean isDate(int style, IntFunction<NumberFormat> formatOfStyle) {
        return byStyle.computeIfAbsent(style, index -> {
            try {
                NumberFormat format = formatOfStyle.apply(index);
                return format != null && format.pattern() != null
                        && DateUtil.isADateFormat(format.index(), format.pattern());
            }
            catch (RuntimeException ex) {
                return false;
            }
        });
    }
}
