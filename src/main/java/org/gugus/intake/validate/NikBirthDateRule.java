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
        String written = RowUnderCheck.shown(b);
        return List.of(row.finding(RuleCode.W_NIK_BIRTHDATE, Field.BIRTH_DATE,
                "Tanggal lahir pada NIK " + n + " (" + n.datePart() + ") berbeda dengan tanggal lahir tertulis " + written
                        + "; periksa NIK dan tanggal lahir.",
                "The birth date in NIK " + n + " (" + n.datePart() + ") differs from the birth date written, " + written
                        + "; check the NIK and the birth date."));
    }
}
