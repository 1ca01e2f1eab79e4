package org.gugus.intake.validate;

import java.util.List;
import org.gugus.intake.mapping.Field;

/** E_NIK_DATE: the NIK's day part is not in 1..31 or 41..71, or its month part not in 1..12. */
final class NikDateRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        if (row.nik() instanceof NikReading.Valid valid && !valid.nik().hasPossibleDate()) {
            Nik nik = valid.nik();
            String part = nik.digits().substring(6, 12);
            return List.of(row.finding(RuleCode.E_NIK_DATE, Field.NIK,
                    "NIK " + nik + " tidak mungkin: angka ke-7 sampai ke-12 (" + part + ") harus tanggal lahir ddmmyy, "
                            + "dengan hari 01-31 (laki-laki) atau 41-71 (perempuan) dan bulan 01-12; periksa NIK pada "
                            + "KTP/KK.",
                    "NIK " + nik + " is impossible: digits 7 to 12 (" + part + ") must be the birth date ddmmyy, with "
                            + "day 01-31 (men) or 41-71 (women) and month 01-12; check the NIK on the ID card or family "
                            + "card."));
        }
        return List.of();
    }
}
