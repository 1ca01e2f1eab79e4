package org.gugus.intake.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gugus.intake.mapping.Field;
import org.gugus.intake.mapping.Template;
import org.gugus.intake.mapping.Vocabulary;

/**
 * E_CODE_UNKNOWN: a sex, exploitation, recruitment, case stage, service, destination country or
 * citizenship value that matches nothing in the template; the message lists what is accepted.
 */
final class UnknownCodeRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        List<Finding> findings = new ArrayList<>();
        for (Field field : Template.CODED_FIELDS) {
            if (row.isBlank(field)) {
                continue;
            }
            Vocabulary vocabulary = row.template().vocabulary(field);
            List<String> unknown = RowUnderCheck.SINGLE_CODE_FIELDS.contains(field)
                    ? row.code(field).isPresent() ? List.of() : List.of(row.written(field))
                    : row.codes(field).unknown();
            if (!unknown.isEmpty()) {
                String values = unknown.stream().map(value -> "'" + RowUnderCheck.shown(value) + "'")
                        .collect(Collectors.joining(", "));
                String column = RowUnderCheck.shown(row.header(field));
                String several = RowUnderCheck.SINGLE_CODE_FIELDS.contains(field) ? ""
                        : " Pisahkan beberapa nilai dengan koma.";
                String severalEn = RowUnderCheck.SINGLE_CODE_FIELDS.contains(field) ? ""
                        : " Separate several values with commas.";
                findings.add(row.finding(RuleCode.E_CODE_UNKNOWN, field,
                        "Nilai " + values + " pada kolom '" + column + "' tidak dikenal; gunakan salah satu: "
                                + vocabulary.acceptedId() + "." + several,
                        "Value " + values + " in column '" + column + "' is not known; use one of: "
                                + vocabulary.acceptedEn() + "." + severalEn));
            }
        }
        if (!row.isBlank(Field.DESTINATION_COUNTRY) && row.destinationCountry().isEmpty()) {
            String value = RowUnderCheck.shown(row.written(Field.DESTINATION_COUNTRY));
            findings.add(row.finding(RuleCode.E_CODE_UNKNOWN, Field.DESTINATION_COUNTRY,
                    "Negara '" + value + "' tidak dikenal; tulis satu nama negara dalam bahasa Indonesia atau Inggris "
                            + "(mis. Malaysia, Arab Saudi) atau kode 2 huruf (mis. MY), atau 'Dalam Negeri'.",
                    "Country '" + value + "' is not known; write one country name in Indonesian or English (e.g. "
                            + "Malaysia, Saudi Arabia) or its 2-letter code (e.g. MY), or 'Dalam Negeri' for inside "
                            + "Indonesia."));
        }
        if (row.citizenship() instanceof CitizenshipReading.Unknown) {
            String value = RowUnderCheck.shown(row.written(Field.CITIZENSHIP));
            findings.add(row.finding(RuleCode.E_CODE_UNKNOWN, Field.CITIZENSHIP,
                    "Kewarganegaraan '" + value + "' tidak dikenal; tulis WNI, atau WNA diikuti nama negaranya "
                            + "(mis. 'WNA Malaysia').",
                    "Citizenship '" + value + "' is not known; write WNI, or WNA followed by the country "
                            + "(e.g. 'WNA Malaysia')."));
        }
        return findings;
    }
}
