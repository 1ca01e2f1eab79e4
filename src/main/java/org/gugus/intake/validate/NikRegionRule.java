package org.gugus.intake.validate;

import java.util.List;
import java.util.Optional;
import org.gugus.intake.mapping.Field;
import org.gugus.reference.FormerRegency;
import org.gugus.reference.NikRegion;

/**
 * W_NIK_REGION: the NIK's first four digits are not a current Kemendagri regency/city code. A NIK
 * from another province is normal; a former code of a split region (64.04, now 65.01) is real for
 * NIKs issued before the split and only warned about.
 */
final class NikRegionRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        Optional<Nik> nik = row.validNik();
        if (nik.isEmpty()) {
            return List.of();
        }
        String column = RowUnderCheck.shown(row.header(Field.NIK));
        NikRegion region = row.regions().nikRegion(nik.get().digits());
        if (region instanceof NikRegion.Former former) {
            FormerRegency old = former.former();
            return List.of(row.finding(RuleCode.W_NIK_REGION, Field.NIK,
                    "NIK " + nik.get() + " pada kolom '" + column + "' berawalan " + old.code() + ", kode lama "
                            + old.current().name() + " sebelum pemekaran (sekarang " + old.current().code() + ", "
                            + old.basis() + "). Kode ini sah untuk NIK yang terbit sebelumnya; cukup pastikan NIK "
                            + "sesuai KTP/KK.",
                    "NIK " + nik.get() + " in column '" + column + "' begins with " + old.code() + ", the former code of "
                            + old.current().name() + " before the split (now " + old.current().code() + ", "
                            + old.basis() + "). It is valid for NIKs issued before; just make sure the NIK matches "
                            + "the ID card or family card."));
        }
        if (!(region instanceof NikRegion.Unknown unknown)) {
            return List.of();
        }
        return List.of(row.finding(RuleCode.W_NIK_REGION, Field.NIK,
                "NIK " + nik.get() + " pada kolom '" + column + "': angka ke-1 sampai ke-4 (" + unknown.code()
                        + ") bukan kode provinsi dan kabupaten/kota Kemendagri; periksa NIK pada KTP/KK.",
                "NIK " + nik.get() + " in column '" + column + "': digits 1 to 4 (" + unknown.code()
                        + ") are not a Kemendagri province and regency/city code; check the NIK on the ID card "
                        + "or family card."));
    }
}
