package org.gugus.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A corrected row as submitted, and what became of it: REJECTED (errors remain, nothing written),
 * INSERTED, UPDATED or UNCHANGED in the warehouse ({@code victimId}).
 */
public record Correction(long id, Long rejectedRowId, Long flaggedVictimId, String officeCode, long fileId,
        String sheet, int rowNumber, String submittedBy, String note, OffsetDateTime submittedAt,
        Map<String, String> values, String outcome, Long victimId, List<ReviewFinding> findings) {
}
