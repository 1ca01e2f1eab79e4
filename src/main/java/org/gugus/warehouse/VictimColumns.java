package org.gugus.warehouse;

/**
 * The columns of {@code warehouse.victim} a publish writes from its plan ({@code publish_plan p} joined
 * to the record's case {@code c}), and the values it writes into them, in the same order: the one list
 * for an office's first delivery ({@link FirstDelivery}) and for every other publish
 * ({@link WarehousePublisher}). The narrow {@code case_fields} keeps the case fields and code lists a
 * record was written with.
 */
final class VictimColumns {

    /** The columns, {@code case_id} to {@code source_row}. */
    static final String NAMES = """
            case_id, office_code, identity_key, person_key, victim_name, nik, sex,
                   birth_place, birth_date, age, origin_regency, origin_regency_code, origin_district,
                   origin_district_code, origin_village, origin_village_code, address,
                   citizenship, citizenship_country, education, destination_country, destination_area, notes,
                   case_row, case_fields, original, original_headers, original_values, original_cells, content_hash,
                   source_file_id, source_sheet, source_row""";

    /**
     * Their values from the plan's row {@code p} and its case {@code c}, in the order of {@link #NAMES}. The case
     * fields and code lists go as a row of {@code warehouse.case_row_fields} ({@code case_fields}), not turned into
     * {@code jsonb} ({@code case_row}, null: a record written before keeps its own until it is written again), which
     * took about half the CPU of the records' insert (V107).
     */
    static final String FROM_PLAN = """
            c.id, c.office_code, p.identity_key, p.person_key, p.victim_name, p.nik, p.sex,
                   p.birth_place, p.birth_date::date, p.age, p.origin_regency,
                   p.origin_regency_code, p.origin_district, p.origin_district_code,
                   p.origin_village, p.origin_village_code, p.address, p.citizenship,
                   p.citizenship_country, p.education, p.destination_country,
                   p.destination_area, p.notes,
                   null::jsonb,
                   row(p.case_number, p.report_date, p.incident_date, p.exploitation, p.recruitment, p.case_stage,
                       p.services)::warehouse.case_row_fields,
                   p.original, p.original_headers, p.original_values, p.original_cells,
                   p.content_hash, p.file_id, p.sheet, p.row_number""";

    private VictimColumns() {
    }
}
