package org.gugus.intake.validate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gugus.intake.mapping.Field;

/** W_NIK_BIRTHDATE: the NIK's date part (day, month, two-digit year) differs from birth_date. */
final class NikBirthDateRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        Optional<Nik> nik = row.validNik();
        Optional<LocalDate> birth = row.validDate(Field.BIRTH_DATE);
        if (nik.isEmpty() || birth.isEmpty()) {
            return List.of();
        }
        Nik n = nik.get();
        LocalDate b = birth.get();
        if (n.birthDay() == b.getDayOfMonth() && n.month() == b.getMonthValue() && n.yearOfCentury() == b.getYear() % 100) {
            return List.of();
        }
        return List.of(row.finding(RuleText.NIK_BIRTH_DATE_DIFFERS, Field.BIRTH_DATE, n.digits(), n.datePart(),
                RowUnderCheck.shown(b)));
    }
}
