package org.gugus.intake.validate;

import java.util.List;
import org.gugus.intake.mapping.Field;

/** E_NIK_FORMAT: a NIK that is not 16 digits once spaces, dots and hyphens are removed. */
final class NikFormatRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        if (!(row.nik() instanceof NikReading.Invalid invalid)) {
            return List.of();
        }
        String value = RowUnderCheck.shown(row.written(Field.NIK));
        boolean digitsOnly = invalid.digits().matches("[0-9]+");
        String countId = digitsOnly ? " (terbaca " + invalid.digits().length() + " angka)" : "";
        String countEn = digitsOnly ? " (" + invalid.digits().length() + " digits read)" : "";
        return switch (invalid.problem()) {
            case SCIENTIFIC_NOTATION -> List.of(row.finding(RuleCode.E_NIK_FORMAT, Field.NIK,
                    "NIK '" + value + "' tertulis dalam format ilmiah (E+15), sehingga angkanya hilang; format kolom NIK "
                            + "sebagai Teks lalu ketik ulang 16 angka NIK dari KTP/KK.",
                    "NIK '" + value + "' is in scientific notation (E+15), so its digits are lost; format the NIK column "
                            + "as Text and retype the 16 digits from the ID card or family card."));
            case NOT_16_DIGITS -> List.of(row.finding(RuleCode.E_NIK_FORMAT, Field.NIK,
                    "NIK '" + value + "' bukan 16 angka" + countId + "; tulis 16 angka NIK dari KTP/KK, atau "
                            + "kosongkan bila tidak diketahui.",
                    "NIK '" + value + "' is not 16 digits" + countEn + "; write the 16 digits from the ID card or "
                            + "family card, or leave it empty if unknown."));
            case PRECISION_LOST -> List.of();
        };
    }
}
