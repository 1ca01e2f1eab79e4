package org.gugus.intake.corrections;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row sent back corrected by provincial staff, to be judged by the template's rules and, when it
 * passes, published like a row of its file.
 *
 * @param correctionId      the correction it is recorded as (lineage of the warehouse record)
 * @param fileId            the file of the row it corrects
 * @param officeCode        the reporting office of that file
 * @param sheet             the sheet of the row it corrects
 * @param rowNumber         the row number it corrects
 * @param receivedOn        the day that file was received: no date of the row may be after it
 * @param values            every column of the corrected row, header as written to value
 * @param replacingVictimId the flagged victim record it corrects; {@code null} for a rejected row
 */
public record CorrectedRow(long correctionId, long fileId, String officeCode, String sheet, int rowNumber,
        LocalDate receivedOn, Map<String, String> values, Long replacingVictimId) {

    public CorrectedRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
