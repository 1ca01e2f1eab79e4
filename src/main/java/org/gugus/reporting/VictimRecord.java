package org.gugus.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * One victim record as {@code gugus export victims} writes it: where it came from and its coded
 * values, never a name or NIK.
 */
record VictimRecord(Long personId, String officeCode, String caseNumber, String sourceFile, String sourceSheet,
        int sourceRow, String sex, Integer birthYear, Integer ageAtReport, String originRegencyCode,
        List<String> exploitation, String destinationCountry, String caseStage, LocalDate reportDate) {
}
