package org.gugus.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report as one CSV table (UTF-8 with a byte-order mark, so Excel reads the labels right): the
 * period, office, suppression, time made and files first, then one line per indicator cell.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static void write(NationalReport report, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
        row(csv, ReportText.both("reporting.heading.indicator"), ReportText.both("reporting.heading.code"),
                ReportText.both("reporting.heading.label-id"), ReportText.both("reporting.heading.label-en"),
                ReportText.both("reporting.heading.count"));
        row(csv, "title", "", ReportText.both("reporting.title"), "", "");
        row(csv, "period", "", ReportText.period(report.query()).id(), ReportText.period(report.query()).en(), "");
        row(csv, "office", report.query().office() == null ? "" : report.query().office(),
                ReportText.office(report.query()).id(), ReportText.office(report.query()).en(), "");
        row(csv, "suppression", String.valueOf(report.k()), ReportText.suppression(report).id(),
                ReportText.suppression(report).en(), String.valueOf(report.suppressed()));
        row(csv, "made_at", "", ReportText.madeAt(report), "", "");
        for (WarehouseSource.SourceFile file : report.files()) {
            row(csv, "source_file", String.valueOf(file.id()), file.name(), file.officeCode(), file.receivedAt());
        }
        for (Indicator indicator : Indicator.values()) {
            if (indicator.shape() == Indicator.Shape.TOTAL) {
                row(csv, indicator.key(), "", ReportText.indicator(indicator).id(), ReportText.indicator(indicator).en(),
                        String.valueOf(report.total(indicator)));
                continue;
            }
            for (Map.Entry<String, Object> cell : report.breakdown(indicator).entrySet()) {
                Labels.Label label = report.labels().of(indicator, cell.getKey());
                row(csv, indicator.key(), cell.getKey(), label.id(), label.en(), String.valueOf(cell.getValue()));
            }
        }
        csv.flush();
    }

    private static void row(CSVPrinter csv, String... cells) throws IOException {
        for (String cell : cells) {
            csv.print(FormulaGuard.csv(cell));
        }
        csv.println();
    }
}
