package org.gugus.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A corrected row as submitted, and what became of it: REJECTED (errors remain, nothing written),
 * INSERTED, UPDATED or UNCHANGED in the warehouse ({@code victimId}).
 */
@JsonPropertyOrder({"id", "rejected_row_id", "flagged_victim_id", "regency", "file_id", "sheet", "row", "submitted_by",
        "note", "submitted_at", "outcome", "victim_id", "findings", "values"})
public record Correction(long id, Long rejectedRowId, Long flaggedVictimId, @JsonProperty("regency") String officeCode,
        long fileId, String sheet, @JsonProperty("row") int rowNumber, String submittedBy, String note,
        OffsetDateTime submittedAt, Map<String, String> values, String outcome, Long victimId,
        List<ReviewFinding> findings) {

    /** Whether errors remain: nothing was written. */
    boolean rejected() {
        return "REJECTED".equals(outcome);
    }
}
