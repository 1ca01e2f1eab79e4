package org.gugus.feedback;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.gugus.warehouse.RowStatus;
import org.gugus.warehouse.StoredFinding;

/** The few cell styles of an answer workbook, made once per workbook (Excel allows some 64,000). */
final class AnswerStyles {

    /** Red for a cell with an error (the row is rejected), amber for one with a warning only. */
    static final byte[] RED = {(byte) 0xFF, (byte) 0xC7, (byte) 0xCE};
    static final byte[] AMBER = {(byte) 0xFF, (byte) 0xD9, (byte) 0x66};
    static final byte[] GREEN = {(byte) 0xC6, (byte) 0xEF, (byte) 0xCE};
    static final byte[] GREY = {(byte) 0xE7, (byte) 0xE6, (byte) 0xE6};

    /** How a value is shown. */
    enum Kind { GENERAL, TEXT, DATE, DATE_TIME }

    /** What a cell's findings make it. */
    enum Mark {
        NONE, WARNING, ERROR;

        static Mark of(List<StoredFinding> findings) {
            if (findings.isEmpty()) {
                return NONE;
            }
            for (StoredFinding finding : findings) {
                if (finding.code().startsWith("E_")) {
                    return ERROR;
                }
            }
            return WARNING;
        }
    }

    private final SXSSFWorkbook book;
    /** By kind and mark, made when first needed: looked up for every cell written. */
    private final CellStyle[][] cells = new CellStyle[Kind.values().length][Mark.values().length];
    private final Map<RowStatus, CellStyle> statuses = new EnumMap<>(RowStatus.class);
    private final CellStyle heading;
    private final CellStyle notes;
    private final CellStyle title;
    private final CellStyle wrapped;

    AnswerStyles(SXSSFWorkbook book) {
        this.book = book;
        Font bold = book.createFont();
        bold.setBold(true);
        heading = book.createCellStyle();
        heading.setFont(bold);
        heading.setWrapText(true);
        notes = book.createCellStyle();
        notes.setWrapText(false);
        Font big = book.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = book.createCellStyle();
        title.setFont(big);
        wrapped = book.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
    }

    CellStyle cell(Kind kind, Mark mark) {
        CellStyle made = cells[kind.ordinal()][mark.ordinal()];
        if (made == null) {
            made = newCell(kind, mark);
            cells[kind.ordinal()][mark.ordinal()] = made;
        }
        return made;
    }

    private CellStyle newCell(Kind kind, Mark mark) {
        XSSFCellStyle style = (XSSFCellStyle) book.createCellStyle();
        switch (kind) {
            case TEXT -> style.setDataFormat(book.createDataFormat().getFormat("@"));
            case DATE -> style.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            case DATE_TIME -> style.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            case GENERAL -> {
            }
        }
        if (mark != Mark.NONE) {
            fill(style, mark == Mark.ERROR ? RED : AMBER);
        }
        return style;
    }

    CellStyle status(RowStatus status) {
        return statuses.computeIfAbsent(status, s -> {
            XSSFCellStyle style = (XSSFCellStyle) book.createCellStyle();
            switch (s) {
                case DITOLAK -> fill(style, RED);
                case PERINGATAN -> fill(style, AMBER);
                case DITERIMA -> fill(style, GREEN);
                case DUPLIKAT, DILEWATI -> fill(style, GREY);
            }
            return style;
        });
    }

    CellStyle heading() {
        return heading;
    }

    CellStyle notes() {
        return notes;
    }

    CellStyle title() {
        return title;
    }

    CellStyle wrapped() {
        return wrapped;
    }

    private static void fill(XSSFCellStyle style, byte[] rgb) {
        style.setFillForegroundColor(new XSSFColor(rgb, null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
}
