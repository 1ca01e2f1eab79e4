package org.gugus.intake.validate;

import java.util.List;
import org.gugus.intake.mapping.Field;

/** E_AGE_RANGE: an age that is not a whole number of years in 0..120. */
final class AgeRangeRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        if (row.age() instanceof AgeReading.Invalid) {
            return List.of(row.finding(RuleText.AGE_NOT_WHOLE_YEARS, Field.AGE,
                    RowUnderCheck.shown(row.written(Field.AGE)), AgeReading.MAX_YEARS));
        }
        return List.of();
    }
}
