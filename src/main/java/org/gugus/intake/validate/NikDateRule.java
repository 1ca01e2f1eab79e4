package org.gugus.intake.validate;

import java.util.List;
import org.gugus.intake.mapping.Field;

/** E_NIK_DATE: the NIK's day part is not in 1..31 or 41..71, or its month part not in 1..12. */
final class NikDateRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        if (row.nik() instanceof NikReading.Valid valid && !valid.nik().hasPossibleDate()) {
            String digits = valid.nik().digits();
            return List.of(row.finding(RuleText.NIK_IMPOSSIBLE_DATE, Field.NIK, digits, digits.substring(6, 12)));
        }
        return List.of();
    }
}
