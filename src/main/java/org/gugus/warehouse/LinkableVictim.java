package org.gugus.warehouse;

import java.time.LocalDate;

/**
 * What record linkage compares of one victim record, with its version (a changed record is resolved
 * again). Names and NIK as loaded. Personal data: never logged.
 */
public record LinkableVictim(long id, int version, String officeCode, String caseNumber, LocalDate reportDate,
        String name, String nik, String sex, LocalDate birthDate, Integer age, String birthPlace,
        String originRegency, String originRegencyCode, String originDistrictCode, String originVillageCode,
        String address) {
}
