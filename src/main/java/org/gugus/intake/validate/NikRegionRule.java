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
            return List.of(row.finding(RuleText.NIK_FORMER_REGENCY, Field.NIK, nik.get().digits(), column, old.code(),
                    old.current().name(), old.current().code(), old.basis()));
        }
        if (!(region instanceof NikRegion.Unknown unknown)) {
            return List.of();
        }
        return List.of(row.finding(RuleText.NIK_UNKNOWN_REGION, Field.NIK, nik.get().digits(), column,
                unknown.code()));
    }
}
