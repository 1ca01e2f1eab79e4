package org.gugus.intake.mapping;

/**
 * The fields of the provincial template "Data Korban TPPO" v1. Their header aliases and value
 * vocabularies live in the template file ({@code jobs/templates/korban-v1.yaml}), not here.
 */
public enum Field {
    CASE_NUMBER("case_number"),
    REPORT_DATE("report_date"),
    INCIDENT_DATE("incident_date"),
    VICTIM_NAME("victim_name"),
    NIK("nik"),
    SEX("sex"),
    BIRTH_PLACE("birth_place"),
    BIRTH_DATE("birth_date"),
    AGE("age"),
    ORIGIN_REGENCY("origin_regency"),
    ORIGIN_DISTRICT("origin_district"),
    ORIGIN_VILLAGE("origin_village"),
    ADDRESS("address"),
    CITIZENSHIP("citizenship"),
    EDUCATION("education"),
    EXPLOITATION("exploitation"),
    RECRUITMENT("recruitment"),
    DESTINATION_COUNTRY("destination_country"),
    DESTINATION_AREA("destination_area"),
    CASE_STAGE("case_stage"),
    SERVICES("services"),
    NOTES("notes"),
    /** The "No." column: a running row number, recognised so it is not mistaken for data. */
    ROW_NUMBER("row_number");

    private final String key;

    Field(String key) {
        this.key = key;
    }

    /** The field's name in the template and in stored rows, e.g. {@code report_date}. */
    public String key() {
        return key;
    }

    public static Field ofKey(String key) {
        for (Field field : values()) {
            if (field.key.equals(key)) {
                return field;
            }
        }
        throw new IllegalArgumentException("Unknown template field: " + key);
    }
}
