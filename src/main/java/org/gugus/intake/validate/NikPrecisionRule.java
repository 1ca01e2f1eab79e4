package org.gugus.intake.validate;

import java.util.List;
import org.gugus.intake.mapping.Field;

/**
 * E_NIK_PRECISION: a NIK from a numeric cell that ends in 0. Excel keeps 15 significant digits,
 * so the 16th digit of a NIK typed as a number became 0; only the office can restore it.
 */
final class NikPrecisionRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        if (row.nik() instanceof NikReading.Invalid invalid && invalid.problem() == NikReading.Problem.PRECISION_LOST) {
            return List.of(row.finding(RuleText.NIK_PRECISION_LOST, Field.NIK, invalid.digits()));
        }
        return List.of();
    }
}
