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
            return List.of(row.finding(RuleCode.E_NIK_PRECISION, Field.NIK,
                    "NIK " + invalid.digits() + " disimpan sebagai angka, sehingga Excel hanya menyimpan 15 angka dan "
                            + "angka ke-16 berubah menjadi 0; format kolom NIK sebagai Teks (Format Cells > Text) lalu "
                            + "ketik ulang NIK dari KTP/KK.",
                    "NIK " + invalid.digits() + " was stored as a number, so Excel kept only 15 digits and the 16th "
                            + "became 0; format the NIK column as Text (Format Cells > Text) and retype the NIK from the "
                            + "ID card or family card."));
        }
        return List.of();
    }
}
