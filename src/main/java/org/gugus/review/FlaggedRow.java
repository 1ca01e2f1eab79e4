package org.gugus.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * A victim record loaded with warnings: the row it came from (or the correction that last wrote it),
 * the warnings, and the corrections sent for it.
 */
@JsonPropertyOrder({"victim_id", "regency", "file_id", "file", "sheet", "row", "source_correction_id", "case_number",
        "victim_name", "flags", "original", "corrections"})
public record FlaggedRow(long victimId, @JsonProperty("regency") String officeCode, long fileId,
        @JsonProperty("file") String fileName, String sheet, @JsonProperty("row") int rowNumber, String caseNumber,
        String victimName, Long sourceCorrectionId, Map<String, String> original, List<ReviewFinding> flags,
        List<Correction> corrections) {
}
