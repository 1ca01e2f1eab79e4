package org.gugus.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.gugus.warehouse.RejectionStatus;

/** A row rejected from a file: where it was, what the office wrote, why it was rejected, and its corrections. */
@JsonPropertyOrder({"id", "file_id", "file", "regency", "sheet", "row", "status", "rejected_at", "corrected_by", "findings",
        "original", "corrections"})
public record RejectedRow(long id, long fileId, @JsonProperty("file") String fileName,
        @JsonProperty("regency") String officeCode, String sheet, @JsonProperty("row") int rowNumber,
        RejectionStatus status, Map<String, String> original, List<ReviewFinding> findings, OffsetDateTime rejectedAt,
        Long correctedBy, List<Correction> corrections) {
}
