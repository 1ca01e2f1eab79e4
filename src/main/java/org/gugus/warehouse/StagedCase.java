package org.gugus.warehouse;

import java.util.List;

/**
 * A valid row's normalised values as staged, one typed column each ({@code warehouse.staged_row}):
 * texts as the row's rules gave them, dates as ISO text (cast when published, as the JSON's were),
 * code lists distinct and sorted. The server takes them as they come, where a JSON document of the
 * row had to be parsed (issue 13).
 */
public record StagedCase(String caseNumber, String reportDate, String incidentDate, String victimName, String nik,
        String sex, String birthPlace, String birthDate, Integer age, String originRegency, String originRegencyCode,
        String originDistrict, String originDistrictCode, String originVillage, String originVillageCode,
        String address, String citizenship, String citizenshipCountry, String education, List<String> exploitation,
        List<String> recruitment, String destinationCountry, String destinationArea, String caseStage,
        List<String> services, String notes) {

    /** The staged row's columns of these values, in the order of the components. */
    static final String COLUMNS = "case_number, report_date, incident_date, victim_name, nik, sex, birth_place,"
            + " birth_date, age, origin_regency, origin_regency_code, origin_district, origin_district_code,"
            + " origin_village, origin_village_code, address, citizenship, citizenship_country, education,"
            + " exploitation, recruitment, destination_country, destination_area, case_stage, services, notes";

    /** The values in the order of {@link #COLUMNS}: a text, a number, or a list of codes. */
    Object[] values() {
        return new Object[] {caseNumber, reportDate, incidentDate, victimName, nik, sex, birthPlace, birthDate, age,
                originRegency, originRegencyCode, originDistrict, originDistrictCode, originVillage,
                originVillageCode, address, citizenship, citizenshipCountry, education, exploitation, recruitment,
                destinationCountry, destinationArea, caseStage, services, notes};
    }
}
