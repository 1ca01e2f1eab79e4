package org.gugus.persons.linkage;

import java.time.LocalDate;

/**
 * What record linkage compares of one victim record ({@code warehouse.victim}): names and NIK as
 * loaded (normalised by the template's rules, not yet for linkage), codes as resolved. Personal
 * data: never logged, never written outside the {@code warehouse} and {@code persons} schemas.
 *
 * @param sex {@code L} or {@code P}
 * @param age the age written on the report, at {@code reportDate}
 */
public record VictimReport(long victimId, String officeCode, String caseNumber, String name, String nik,
        String sex, LocalDate birthDate, Integer age, LocalDate reportDate, String birthPlace,
        String originRegencyCode, String originDistrictCode, String originVillageCode, String address) {
}
