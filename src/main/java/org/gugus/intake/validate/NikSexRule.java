package org.gugus.intake.validate;

import java.util.List;
import java.util.Optional;
import org.gugus.intake.mapping.Field;

/** W_NIK_SEX: the NIK's day part says a man (1..31) or a woman (41..71), the sex column the other. */
final class NikSexRule implements RowRule {

    private static final String MALE = "L";
    private static final String FEMALE = "P";

    @Override
    public List<Finding> check(RowUnderCheck row) {
        Optional<Nik> nik = row.validNik();
        Optional<String> sex = row.code(Field.SEX);
        if (nik.isEmpty() || sex.isEmpty() || !List.of(MALE, FEMALE).contains(sex.get())) {
            return List.of();
        }
        String nikSex = nik.get().female() ? FEMALE : MALE;
        if (nikSex.equals(sex.get())) {
            return List.of();
        }
        String digits = nik.get().digits();
        return List.of(row.finding(nik.get().female() ? RuleText.NIK_OF_A_WOMAN : RuleText.NIK_OF_A_MAN, Field.SEX,
                digits, digits.substring(6, 8), RowUnderCheck.shown(row.written(Field.SEX))));
    }
}
