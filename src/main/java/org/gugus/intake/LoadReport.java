package org.gugus.intake;

import java.util.List;
import java.util.Map;

/**
 * The outcome of loading one file. Counts reconcile as the template says:
 * {@code rowsRead = inserted + updated + unchanged + duplicates + rejected}; blank, column-number,
 * total and signature rows are counted apart as {@code skipped}. {@code warnings} counts loaded rows
 * that carry at least one warning.
 */
public record LoadReport(
        LoadStatus status,
        String format,
        long rowsRead,
        long inserted,
        long updated,
        long unchanged,
        long duplicates,
        long rejected,
        long skipped,
        long warnings,
        Map<String, Long> rejectionsByCode,
        Map<String, Long> warningsByCode,
        List<String> skippedSheets,
        FileError error) {

    public LoadReport {
        rejectionsByCode = Map.copyOf(rejectionsByCode);
        warningsByCode = Map.copyOf(warningsByCode);
        skippedSheets = List.copyOf(skippedSheets);
    }

    public static LoadReport quarantined(String format, FileError error) {
        return new LoadReport(LoadStatus.QUARANTINED, format, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), List.of(), error);
    }

    public static LoadReport failed(String format, FileError error) {
        return new LoadReport(LoadStatus.FAILED, format, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), List.of(), error);
    }

    public boolean reconciles() {
        return rowsRead == inserted + updated + unchanged + duplicates + rejected;
    }
}
