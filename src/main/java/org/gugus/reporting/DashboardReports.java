package org.gugus.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The reports of the web dashboard, made by {@link NationalReports} with the rules of access of the
 * API ({@code /api/reports/indicators}), except that suppression is always on: a page is for looking
 * at, and a page left open on a screen is seen by others. The downloads are the API's XLSX and CSV.
 */
@Service
public class DashboardReports {

    private final NationalReports reports;

    DashboardReports(NationalReports reports) {
        this.reports = reports;
    }

    /**
     * The indicators of a period (dates as {@code 2024-01-31}, either may be null) and office (null for all).
     *
     * @throws IllegalArgumentException when a date or the office cannot be read, or the period is reversed
     * @throws java.util.NoSuchElementException when an office user asks for another office
     */
    public Dashboard dashboard(String from, String to, String office) {
        NationalReport report = report(from, to, office);
        List<Dashboard.Total> totals = new ArrayList<>();
        List<Dashboard.Breakdown> breakdowns = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            if (indicator.shape() == Indicator.Shape.TOTAL) {
                totals.add(new Dashboard.Total(indicator.key(), report.total(indicator)));
                continue;
            }
            List<Dashboard.Cell> cells = new ArrayList<>();
            report.breakdown(indicator).forEach((code, value) -> {
                Labels.Label label = report.labels().of(indicator, code);
                cells.add(new Dashboard.Cell(code, label.id(), label.en(), value));
            });
            breakdowns.add(new Dashboard.Breakdown(indicator.key(), indicator.shape() == Indicator.Shape.OVERLAPPING, cells));
        }
        ReportQuery query = report.query();
        return new Dashboard(query.from() == null ? null : query.from().toString(),
                query.to() == null ? null : query.to().toString(), query.office(), report.k(), totals, breakdowns);
    }

    /** The workbook of {@code /api/reports/indicators.xlsx}, suppressed. */
    public byte[] workbook(String from, String to, String office) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ReportWorkbook.write(report(from, to, office), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The table of {@code /api/reports/indicators.csv}, suppressed. */
    public byte[] table(String from, String to, String office) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ReportCsv.write(report(from, to, office), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private NationalReport report(String from, String to, String office) {
        return reports.report(ReportQuery.of(blank(from), blank(to), blank(office)), false);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
