package org.gugus.review;

import java.util.List;
import java.util.Map;

/**
 * A victim record loaded with warnings: the row it came from (or the correction that last wrote it),
 * the warnings, and the corrections sent for it.
 */
public record FlaggedRow(long victimId, String officeCode, long fileId, String fileName, String sheet, int rowNumber,
        String caseNumber, String victimName, Long sourceCorrectionId, Map<String, String> original,
        List<ReviewFinding> flags, List<Correction> corrections) {
}
