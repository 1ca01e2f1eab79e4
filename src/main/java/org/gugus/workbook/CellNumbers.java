package org.gugus.workbook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * How a typed number, boolean or error of an Excel workbook (XLSX or XLS) becomes a
 * {@link CellValue}: the number as a person sees it, or a date when its cell is formatted as one.
 */
final class CellNumbers {

    // Excel shows at most 15 significant digits; more in a fraction is binary noise (0.1 + 0.2).
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    // Below 2^53 every whole double is exactly a long.
    private static final double EXACT_WHOLE = 0x1p53;

    private CellNumbers() {
    }

    /** A number, a date if its cell has a date format and it is a valid Excel date; blank if not finite. */
    static CellValue number(double value, boolean dateFormatted, boolean date1904) {
        if (!Double.isFinite(value)) {
            return CellValue.BLANK;
        }
        if (dateFormatted && DateUtil.isValidExcelDate(value)) {
            LocalDateTime dateTime = DateUtil.getLocalDateTime(value, date1904, true);
            if (dateTime != null) {
                return CellValue.date(dateTime);
            }
        }
        return CellValue.number(value, asShown(value));
    }

    /**
     * The number as plain decimal text: never scientific notation, so a NIK typed as a number reads
     * as its digits (as Excel stored them); whole numbers are kept exactly, fractions are rounded to
     * Excel's 15 significant digits.
     */
    static String asShown(double value) {
        if (value == Math.rint(value) && Math.abs(value) < EXACT_WHOLE) {
            // The same digits as below, without a BigDecimal for every whole number of a sheet.
            return Long.toString((long) value);
        }
        BigDecimal decimal = BigDecimal.valueOf(value);
        if (value != Math.rint(value)) {
            decimal = decimal.round(EXCEL_PRECISION);
        }
        return decimal.stripTrailingZeros().toPlainString();
    }

    static CellValue bool(boolean value) {
        return new CellValue(value ? "TRUE" : "FALSE", CellValue.Kind.BOOLEAN, null, null);
    }

    static CellValue error(String shown) {
        return new CellValue(shown, CellValue.Kind.ERROR, null, null);
    }
}
