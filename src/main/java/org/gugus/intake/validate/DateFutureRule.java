package org.gugus.intake.validate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gugus.intake.mapping.Field;

/** E_DATE_FUTURE: a date after the day the file was received. */
final class DateFutureRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        List<Finding> findings = new ArrayList<>();
        for (Field field : RowUnderCheck.DATE_FIELDS) {
            Optional<LocalDate> date = row.validDate(field);
            if (date.isPresent() && date.get().isAfter(row.receivedOn())) {
                findings.add(row.finding(RuleText.DATE_AFTER_RECEIVED, field, RowUnderCheck.shown(date.get()),
                        RowUnderCheck.shown(row.receivedOn())));
            }
        }
        return findings;
    }
}
