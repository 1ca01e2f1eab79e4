package org.gugus.intake.validate;

import java.util.List;
import org.gugus.intake.mapping.Field;

/** E_AGE_RANGE: an age that is not a whole number of years in 0..120. */
final class AgeRangeRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        if (row.age() instanceof AgeReading.Invalid) {
            String value = RowUnderCheck.shown(row.written(Field.AGE));
            return List.of(row.finding(RuleCode.E_AGE_RANGE, Field.AGE,
                    "Umur '" + value + "' bukan bilangan bulat 0 sampai " + AgeReading.MAX_YEARS + "; tulis umur dalam "
                            + "tahun penuh, mis. 17 (bayi di bawah 1 tahun: 0).",
                    "Age '" + value + "' is not a whole number from 0 to " + AgeReading.MAX_YEARS + "; write the age in "
                            + "full years, e.g. 17 (a baby under 1 year: 0)."));
        }
        return List.of();
    }
}
