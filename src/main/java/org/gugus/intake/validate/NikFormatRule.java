package org.gugus.intake.validate;

import java.util.List;
import java.util.regex.Pattern;
import org.gugus.intake.mapping.Field;

/** E_NIK_FORMAT: a NIK that is not 16 digits once spaces, dots and hyphens are removed. */
final class NikFormatRule implements RowRule {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    @Override
    public List<Finding> check(RowUnderCheck row) {
        if (!(row.nik() instanceof NikReading.Invalid invalid)) {
            return List.of();
        }
        String value = RowUnderCheck.shown(row.written(Field.NIK));
        return switch (invalid.problem()) {
            case SCIENTIFIC_NOTATION -> List.of(row.finding(RuleText.NIK_SCIENTIFIC_NOTATION, Field.NIK, value));
            // The count helps only when what was read is digits: "12 digits read" of "Tidak punya KTP" would mislead.
            case NOT_16_DIGITS -> List.of(DIGITS.matcher(invalid.digits()).matches()
                    ? row.finding(RuleText.NIK_NOT_16_DIGITS_COUNTED, Field.NIK, value, invalid.digits().length())
                    : row.finding(RuleText.NIK_NOT_16_DIGITS, Field.NIK, value));
            case PRECISION_LOST -> List.of();
        };
    }
}
