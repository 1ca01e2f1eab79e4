package org.gugus.intake.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gugus.intake.mapping.Field;
import org.gugus.intake.mapping.Template;
import org.gugus.intake.mapping.Vocabulary;
import org.gugus.system.Message;

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
                RuleText text = RowUnderCheck.SINGLE_CODE_FIELDS.contains(field) ? RuleText.CODE_UNKNOWN
                        : RuleText.CODE_UNKNOWN_IN_LIST;
                findings.add(row.finding(text, field, values, RowUnderCheck.shown(row.header(field)),
                        new Message(vocabulary.acceptedId(), vocabulary.acceptedEn())));
            }
        }
        if (!row.isBlank(Field.DESTINATION_COUNTRY) && row.destinationCountry().isEmpty()) {
            findings.add(row.finding(RuleText.COUNTRY_UNKNOWN, Field.DESTINATION_COUNTRY,
                    RowUnderCheck.shown(row.written(Field.DESTINATION_COUNTRY))));
        }
        if (row.citizenship() instanceof CitizenshipReading.Unknown) {
            findings.add(row.finding(RuleText.CITIZENSHIP_UNKNOWN, Field.CITIZENSHIP,
                    RowUnderCheck.shown(row.written(Field.CITIZENSHIP))));
        }
        return findings;
    }
}
