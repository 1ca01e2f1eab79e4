package org.gugus.intake.validate;

import java.util.ArrayList;
import java.util.List;
import org.gugus.intake.mapping.DateReading;
import org.gugus.intake.mapping.Field;

/** E_DATE_FORMAT: a date that cannot be read, with advice fitting what was written. */
final class DateFormatRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        List<Finding> findings = new ArrayList<>();
        for (Field field : RowUnderCheck.DATE_FIELDS) {
            if (row.date(field) instanceof DateReading.Invalid invalid) {
                RuleText text = switch (invalid.problem()) {
                    case TWO_DIGIT_YEAR -> RuleText.DATE_TWO_DIGIT_YEAR;
                    case YEAR_ONLY -> RuleText.DATE_YEAR_ONLY;
                    case NO_SUCH_DAY -> RuleText.DATE_NO_SUCH_DAY;
                    case YEAR_OUT_OF_RANGE -> RuleText.DATE_YEAR_OUT_OF_RANGE;
                    case UNREADABLE -> RuleText.DATE_UNREADABLE;
                };
                findings.add(row.finding(text, field, RowUnderCheck.shown(row.written(field))));
            }
        }
        return findings;
    }
}
