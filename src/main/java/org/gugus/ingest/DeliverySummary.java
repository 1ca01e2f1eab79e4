package org.gugus.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.gugus.intake.LoadReport;

/**
 * The summary of a delivery in the shape the command line prints with {@code --json} and the
 * registry stores: snake_case keys, stable order.
 */
public final class DeliverySummary {

    private DeliverySummary() {
    }

    public static Map<String, Object> of(Delivery delivery) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", delivery.fileName());
        summary.put("file_id", delivery.file().id());
        summary.put("regency", delivery.file().officeCode());
        summary.put("sha256", delivery.file().sha256());
        summary.putAll(counts(delivery.report()));
        if (delivery.file().duplicateOf() != null) {
            summary.put("already_received_as", delivery.file().duplicateOf());
        }
        return summary;
    }

    static Map<String, Object> counts(LoadReport report) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("format", report.format());
        counts.put("status", report.status().name());
        counts.put("rows_read", report.rowsRead());
        counts.put("inserted", report.inserted());
        counts.put("updated", report.updated());
        counts.put("unchanged", report.unchanged());
        counts.put("duplicates", report.duplicates());
        counts.put("rejected", report.rejected());
        counts.put("skipped", report.skipped());
        counts.put("warnings", report.warnings());
        counts.put("rejections_by_code", new TreeMap<>(report.rejectionsByCode()));
        counts.put("warnings_by_code", new TreeMap<>(report.warningsByCode()));
        counts.put("skipped_sheets", report.skippedSheets());
        if (report.error() != null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", report.error().code());
            error.put("message", report.error().message());
            error.put("message_id", report.error().messageId());
            error.put("message_en", report.error().messageEn());
            counts.put("error", error);
        }
        return counts;
    }

    /** One line for a person: what happened to the file and its rows. */
    public static String line(Delivery delivery) {
        LoadReport r = delivery.report();
        StringBuilder line = new StringBuilder()
                .append(delivery.fileName()).append(": ").append(r.status());
        switch (r.status()) {
            case LOADED -> line.append(String.format(
                    " (%s) dibaca/read %d, baru/inserted %d, diubah/updated %d, tetap/unchanged %d, duplikat/duplicates %d, ditolak/rejected %d, dilewati/skipped %d, peringatan/warnings %d",
                    r.format(), r.rowsRead(), r.inserted(), r.updated(), r.unchanged(), r.duplicates(), r.rejected(),
                    r.skipped(), r.warnings()));
            case ALREADY_RECEIVED -> line.append(" — isi berkas ini sudah diterima sebelumnya (berkas #")
                    .append(delivery.file().duplicateOf()).append("); tidak dimuat ulang / same content already received, not loaded again");
            case QUARANTINED, FAILED -> line.append(" [").append(r.error().code()).append("] ").append(r.error().message());
        }
        return line.toString();
    }
}
