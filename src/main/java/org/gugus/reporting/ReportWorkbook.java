package org.gugus.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook "Laporan TPPO" that a coordinator forwards as it is: a summary sheet (period, office,
 * suppression note, when made, the totals), a sheet per breakdown named by its JSON key, and the
 * files behind the figures. Headings are Indonesian with English; counts are numbers, suppressed
 * cells the text {@code "<k"}.
 */
final class ReportWorkbook {

    private final NationalReport report;
    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle bold;
    private final CellStyle guarded;

    private ReportWorkbook(NationalReport report) {
        this.report = report;
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
        guarded = workbook.createCellStyle();
        guarded.setQuotePrefixed(true);
    }

    static void write(NationalReport report, OutputStream out) throws IOException {
        ReportWorkbook writer = new ReportWorkbook(report);
        try (XSSFWorkbook workbook = writer.workbook) {
            writer.summary();
            for (Indicator indicator : Indicator.values()) {
                if (indicator.shape() != Indicator.Shape.TOTAL) {
                    writer.breakdown(indicator);
                }
            }
            writer.files();
            workbook.getProperties().getCoreProperties().setTitle(ReportText.both("reporting.title"));
            workbook.write(out);
        }
    }

    private void summary() {
        Sheet sheet = workbook.createSheet("Ringkasan");
        int r = heading(sheet, ReportText.both("reporting.title"));
        Row header = sheet.createRow(r++);
        text(header, 0, ReportText.both("reporting.heading.indicator"), bold);
        text(header, 1, ReportText.both("reporting.heading.label-id"), bold);
        text(header, 2, ReportText.both("reporting.heading.label-en"), bold);
        text(header, 3, ReportText.both("reporting.heading.count"), bold);
        for (Indicator indicator : Indicator.values()) {
            if (indicator.shape() == Indicator.Shape.TOTAL) {
                Row row = sheet.createRow(r++);
                text(row, 0, indicator.key(), null);
                text(row, 1, ReportText.indicator(indicator).id(), null);
                text(row, 2, ReportText.indicator(indicator).en(), null);
                value(row, 3, report.total(indicator));
            }
        }
        widths(sheet, 24, 48, 48, 16);
    }

    private void breakdown(Indicator indicator) {
        Sheet sheet = workbook.createSheet(indicator.key());
        int r = heading(sheet, ReportText.both(ReportText.indicator(indicator)));
        Row header = sheet.createRow(r++);
        text(header, 0, ReportText.both("reporting.heading.code"), bold);
        text(header, 1, ReportText.both("reporting.heading.label-id"), bold);
        text(header, 2, ReportText.both("reporting.heading.label-en"), bold);
        text(header, 3, ReportText.both("reporting.heading.count"), bold);
        for (Map.Entry<String, Object> cell : report.breakdown(indicator).entrySet()) {
            Labels.Label label = report.labels().of(indicator, cell.getKey());
            Row row = sheet.createRow(r++);
            text(row, 0, cell.getKey(), null);
            text(row, 1, label.id(), null);
            text(row, 2, label.en(), null);
            value(row, 3, cell.getValue());
        }
        widths(sheet, 24, 40, 40, 16);
    }

    private void files() {
        Sheet sheet = workbook.createSheet("Berkas");
        int r = heading(sheet, ReportText.both("reporting.files.title"));
        Row header = sheet.createRow(r++);
        text(header, 0, ReportText.both("reporting.heading.file-id"), bold);
        text(header, 1, ReportText.both("reporting.heading.office"), bold);
        text(header, 2, ReportText.both("reporting.heading.file-name"), bold);
        text(header, 3, ReportText.both("reporting.heading.received"), bold);
        for (WarehouseSource.SourceFile file : report.files()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(file.id());
            text(row, 1, file.officeCode(), null);
            text(row, 2, file.name(), null);
            text(row, 3, file.receivedAt(), null);
        }
        widths(sheet, 16, 12, 48, 32);
    }

    /** Title, period, office, suppression note and time made; returns the next free row. */
    private int heading(Sheet sheet, String title) {
        text(sheet.createRow(0), 0, title, bold);
        labelled(sheet.createRow(1), "reporting.heading.period", ReportText.both(ReportText.period(report.query())));
        labelled(sheet.createRow(2), "reporting.heading.office", ReportText.both(ReportText.office(report.query())));
        labelled(sheet.createRow(3), "reporting.heading.suppression", ReportText.both(ReportText.suppression(report)));
        labelled(sheet.createRow(4), "reporting.heading.made-at", ReportText.madeAt(report));
        return 6;
    }

    private void labelled(Row row, String key, String value) {
        text(row, 0, ReportText.both(key), bold);
        text(row, 1, value, null);
    }

    private void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        if (FormulaGuard.risky(value)) {
            cell.setCellStyle(guarded);
        } else if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private void value(Row row, int column, Object value) {
        if (value instanceof Number number) {
            row.createCell(column).setCellValue(number.doubleValue());
        } else {
            text(row, column, String.valueOf(value), null);
        }
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int c = 0; c < characters.length; c++) {
            sheet.setColumnWidth(c, characters[c] * 256);
        }
    }
}
