package org.gugus.intake.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gugus.intake.mapping.Field;
import org.gugus.reference.Region;

/**
 * W_REGION_DETAIL: origin_district or origin_village is not found under the resolved
 * origin_regency (a village under its district when the district is found). Nothing is checked
 * while the regency itself does not resolve: E_REGION_UNKNOWN already rejects the row.
 */
final class RegionDetailRule implements RowRule {

    private static final int LISTED_DISTRICTS = 60;

    @Override
    public List<Finding> check(RowUnderCheck row) {
        if (row.resolvedRegency().isEmpty()) {
            return List.of();
        }
        Region regency = row.resolvedRegency().get();
        List<Finding> findings = new ArrayList<>();
        if (!row.isBlank(Field.ORIGIN_DISTRICT) && row.originDistrict().isEmpty()) {
            String value = RowUnderCheck.shown(row.written(Field.ORIGIN_DISTRICT));
            String column = RowUnderCheck.shown(row.header(Field.ORIGIN_DISTRICT));
            List<Region> districts = row.regions().districts(regency);
            String listed = districts.size() > LISTED_DISTRICTS ? ""
                    : districts.stream().map(Region::name).collect(Collectors.joining(", "));
            findings.add(row.finding(RuleCode.W_REGION_DETAIL, Field.ORIGIN_DISTRICT,
                    "Kecamatan '" + value + "' pada kolom '" + column + "' tidak ditemukan di " + regency.label()
                            + "; periksa ejaan kecamatan dan kabupaten/kota asal."
                            + (listed.isEmpty() ? "" : " Kecamatan di " + regency.name() + ": " + listed + "."),
                    "District '" + value + "' in column '" + column + "' is not found in " + regency.label()
                            + "; check the spelling of the district and of the origin regency/city."
                            + (listed.isEmpty() ? "" : " Districts of " + regency.name() + ": " + listed + ".")));
        }
        if (!row.isBlank(Field.ORIGIN_VILLAGE) && row.originVillage().isEmpty()) {
            String value = RowUnderCheck.shown(row.written(Field.ORIGIN_VILLAGE));
            String column = RowUnderCheck.shown(row.header(Field.ORIGIN_VILLAGE));
            Region within = row.originDistrict().orElse(regency);
            String whereId = within.level() == Region.Level.DISTRICT ? "Kecamatan " + within.name() + ", " + regency.name()
                    : regency.label();
            String whereEn = within.level() == Region.Level.DISTRICT ? "district " + within.name() + ", " + regency.name()
                    : regency.label();
            findings.add(row.finding(RuleCode.W_REGION_DETAIL, Field.ORIGIN_VILLAGE,
                    "Desa/kelurahan '" + value + "' pada kolom '" + column + "' tidak ditemukan di " + whereId
                            + "; periksa ejaan desa/kelurahan dan kecamatannya.",
                    "Village '" + value + "' in column '" + column + "' is not found in " + whereEn
                            + "; check the spelling of the village and its district."));
        }
        return findings;
    }
}
