package org.gugus.intake.validate;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.gugus.intake.mapping.Field;

/** W_AGE_MISMATCH: the age differs by more than 1 from the age birth_date gives at report_date. */
final class AgeMismatchRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        Optional<LocalDate> birth = row.validDate(Field.BIRTH_DATE);
        Optional<LocalDate> report = row.validDate(Field.REPORT_DATE);
        if (!(row.age() instanceof AgeReading.Valid age) || birth.isEmpty() || report.isEmpty()
                || birth.get().isAfter(report.get())) {
            return List.of();
        }
        int computed = Period.between(birth.get(), report.get()).getYears();
        if (Math.abs(age.years() - computed) <= 1) {
            return List.of();
        }
        return List.of(row.finding(RuleText.AGE_DIFFERS, Field.AGE, age.years(), RowUnderCheck.shown(birth.get()),
                computed, RowUnderCheck.shown(report.get())));
    }
}
