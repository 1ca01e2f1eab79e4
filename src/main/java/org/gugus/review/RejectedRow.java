package org.gugus.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A row rejected from a file: where it was, what the office wrote, why it was rejected, and its corrections. */
public record RejectedRow(long id, long fileId, String fileName, String officeCode, String sheet, int rowNumber,
        String status, Map<String, String> original, List<ReviewFinding> findings, OffsetDateTime rejectedAt,
        Long correctedBy, List<Correction> corrections) {
}
