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
        String day = nik.get().digits().substring(6, 8);
        String nikSaysId = nik.get().female() ? "perempuan" : "laki-laki";
        String nikSaysEn = nik.get().female() ? "a woman" : "a man";
        return List.of(row.finding(RuleCode.W_NIK_SEX, Field.SEX,
                "NIK " + nik.get() + " menunjukkan " + nikSaysId + " (angka ke-7 dan ke-8 = " + day + "), tetapi jenis "
                        + "kelamin tertulis '" + RowUnderCheck.shown(row.written(Field.SEX)) + "'; periksa NIK dan jenis "
                        + "kelamin.",
                "NIK " + nik.get() + " belongs to " + nikSaysEn + " (digits 7 and 8 = " + day + "), but the sex is "
                        + "written as '" + RowUnderCheck.shown(row.written(Field.SEX)) + "'; check the NIK and the sex."));
    }
}
