package org.gugus.intake.validate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gugus.intake.mapping.Field;
import org.gugus.intake.mapping.MappedRow;
import org.gugus.intake.mapping.Template;
import org.gugus.workbook.CellValue;

/** A valid row of the template to vary field by field, with headers as an office might write them. */
final class TestRows {

    static final Template TEMPLATE = Template.load(Path.of("jobs/templates/korban-v1.yaml"));
    static final LocalDate RECEIVED_ON = LocalDate.of(2024, 4, 1);
    /** A woman born 05/07/1990 (day 05 + 40), registered in Kota Samarinda. */
    static final String NIK = "6472014507900001";

    private final Map<Field, CellValue> values = new EnumMap<>(Field.class);

    private TestRows() {
        text(Field.CASE_NUMBER, " 012/uptd ppa/2024 ");
        text(Field.REPORT_DATE, "12/03/2024");
        text(Field.INCIDENT_DATE, "1 Maret 2024");
        text(Field.VICTIM_NAME, "Siti  Aminah");
        text(Field.NIK, NIK);
        text(Field.SEX, "Perempuan");
        text(Field.BIRTH_PLACE, "Samarinda");
        text(Field.BIRTH_DATE, "05/07/1990");
        text(Field.AGE, "33 tahun");
        text(Field.ORIGIN_REGENCY, " Kota Samarinda ");
        text(Field.ORIGIN_DISTRICT, "Sungai Kunjang");
        text(Field.EXPLOITATION, "Eksploitasi Seksual dan PRT");
        text(Field.RECRUITMENT, "Media Sosial");
        text(Field.DESTINATION_COUNTRY, "Malaysia");
        text(Field.DESTINATION_AREA, "Tawau");
        text(Field.CASE_STAGE, "P-21");
        text(Field.SERVICES, "Visum; Rumah Aman");
        text(Field.NOTES, "-");
    }

    static TestRows valid() {
        return new TestRows();
    }

    TestRows text(Field field, String text) {
        values.put(field, CellValue.text(text));
        return this;
    }

    TestRows cell(Field field, CellValue cell) {
        values.put(field, cell);
        return this;
    }

    TestRows blank(Field field) {
        values.put(field, CellValue.BLANK);
        return this;
    }

    MappedRow mapped() {
        Map<Field, String> headers = new EnumMap<>(Field.class);
        Map<String, String> original = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            if (field != Field.ROW_NUMBER) {
                headers.put(field, header(field));
                original.put(header(field), values.getOrDefault(field, CellValue.BLANK).text());
            }
        }
        return new MappedRow("Januari", 7, new EnumMap<>(values), headers, original);
    }

    ValidatedRow validate() {
        return new RowValidator(TEMPLATE).validate(mapped(), RECEIVED_ON);
    }

    /** The header of a field as written in the test sheet: its first alias in capitals. */
    static String header(Field field) {
        return TEMPLATE.displayName(field).toUpperCase();
    }
}
