package org.gugus.intake.validate;

import java.time.LocalDate;
import java.util.List;

/**
 * A row that passed validation, in the template's normalised values: codes from the vocabularies,
 * dates parsed, NIK as 16 digits. Optional fields are {@code null} when blank; code lists are empty.
 * Regions are kept as written and as resolved: {@code originRegencyCode} is the Kemendagri code
 * ({@code 64.72}); the district and village codes are {@code null} when not found under it.
 */
public record CaseRow(
        String caseNumber,
        LocalDate reportDate,
        LocalDate incidentDate,
        String victimName,
        String nik,
        String sex,
        String birthPlace,
        LocalDate birthDate,
        Integer age,
        String originRegency,
        String originRegencyCode,
        String originDistrict,
        String originDistrictCode,
        String originVillage,
        String originVillageCode,
        String address,
        String citizenship,
        String citizenshipCountry,
        String education,
        List<String> exploitation,
        List<String> recruitment,
        String destinationCountry,
        String destinationArea,
        String caseStage,
        List<String> services,
        String notes) {

    public CaseRow {
        exploitation = List.copyOf(exploitation);
        recruitment = List.copyOf(recruitment);
        services = List.copyOf(services);
    }
}
