package org.gugus.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What became of one received file: the one value intake returns, ingest stores in its registry
 * and every channel reports ({@code gugus load --json}, {@code gugus pull}, the REST API), written
 * as JSON by Jackson in this order. Counts reconcile as the template says:
 * {@code rowsRead = inserted + updated + unchanged + duplicates + rejected}; blank, column-number,
 * total and signature rows are counted apart as {@code skipped}. {@code warnings} counts loaded rows
 * that carry at least one warning. {@code error} is set for a quarantined or failed file,
 * {@code alreadyReceivedAs} for content received before.
 *
 * @param file              the name the file was sent under
 * @param fileId            its number in the file registry
 * @param regency           the Kemendagri code of the sending office; {@code null} when none was named
 * @param sha256            the SHA-256 of its bytes
 * @param format            XLSX, XLS, ODS or CSV once read; {@code null} before
 * @param rejectionsByCode  rejected rows per rule code
 * @param warningsByCode    loaded rows per warning code
 * @param skippedSheets     sheets without a template header, by name
 */
public record FileOutcome(
        String file,
        long fileId,
        String regency,
        String sha256,
        String format,
        LoadStatus status,
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
        @JsonInclude(JsonInclude.Include.NON_NULL) FileError error,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long alreadyReceivedAs) {

    public FileOutcome {
        Objects.requireNonNull(status, "status");
        rejectionsByCode = sorted(rejectionsByCode);
        warningsByCode = sorted(warningsByCode);
        skippedSheets = skippedSheets == null ? List.of() : List.copyOf(skippedSheets);
    }

    /** Nothing of the file was loaded; it is kept with its error. */
    public static FileOutcome quarantined(String file, long fileId, String regency, String sha256, String format,
            FileError error) {
        return withoutRows(file, fileId, regency, sha256, format, LoadStatus.QUARANTINED, error, null);
    }

    /** An internal failure stopped the load; it resumes when run again. */
    public static FileOutcome failed(String file, long fileId, String regency, String sha256, FileError error) {
        return withoutRows(file, fileId, regency, sha256, null, LoadStatus.FAILED, error, null);
    }

    /** The same content from the same office came before as file {@code original}; not loaded again. */
    public static FileOutcome alreadyReceived(String file, long fileId, String regency, String sha256, long original) {
        return withoutRows(file, fileId, regency, sha256, null, LoadStatus.ALREADY_RECEIVED, null, original);
    }

    private static FileOutcome withoutRows(String file, long fileId, String regency, String sha256, String format,
            LoadStatus status, FileError error, Long alreadyReceivedAs) {
        return new FileOutcome(file, fileId, regency, sha256, format, status, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null,
                error, alreadyReceivedAs);
    }

    /** Whether {@code rowsRead} is exactly the rows inserted, updated, unchanged, duplicate and rejected. */
    public boolean reconciles() {
        return rowsRead == inserted + updated + unchanged + duplicates + rejected;
    }

    private static Map<String, Long> sorted(Map<String, Long> byCode) {
        return Collections.unmodifiableSortedMap(byCode == null ? new TreeMap<>() : new TreeMap<>(byCode));
    }
}
