package org.gugus.warehouse;

import java.time.LocalDate;

/**
 * What record linkage compares of a staged row that a publish would make a record of, before it has a
 * record id: the values of {@link LinkableVictim} as the warehouse will hold them (the record's office,
 * its case's number and report date, its own fields), with the row's lineage. Personal data: never logged.
 *
 * @param reportDate the report date of the row's case: that of the file's last row of the case number
 * @param written    the transaction that wrote the row as the reader saw it (its {@code xmin}): what a first
 *                   delivery's publish vouches for ({@link FirstDeliveryPlaces})
 */
public record StagedVictim(long fileId, int ordinal, String officeCode, String caseNumber, LocalDate reportDate,
        String name, String nik, String sex, LocalDate birthDate, Integer age, String birthPlace,
        String originRegencyCode, String originDistrictCode, String originVillageCode, String address, long written) {
}
