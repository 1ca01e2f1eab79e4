package org.gugus.warehouse;

import java.util.List;
import java.util.Map;

/**
 * A victim record loaded with warnings: where it came from (a file's row, or the correction that
 * last wrote it), who it is, the row as written (empty when not kept), and its warnings.
 */
public record FlaggedVictim(long victimId, String officeCode, long fileId, String sheet, int rowNumber,
        String caseNumber, String victimName, Long sourceCorrectionId, Map<String, String> original,
        List<StoredFinding> flags) {
}
