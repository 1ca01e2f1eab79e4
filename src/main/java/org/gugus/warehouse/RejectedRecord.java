package org.gugus.warehouse;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A row that a rule rejected, as kept: every column as written, where it was, why it was rejected,
 * and the correction that fixed it ({@code correctedBy}, an id of review's corrections), if any.
 */
public record RejectedRecord(long id, long fileId, String officeCode, String sheet, int rowNumber,
        RejectionStatus status, Map<String, String> original, List<StoredFinding> findings, OffsetDateTime rejectedAt,
        Long correctedBy) {
}
