package org.gugus.intake.validate;

import java.util.List;
import java.util.stream.Collectors;
import org.gugus.intake.mapping.Field;
import org.gugus.reference.RegencyMatch;
import org.gugus.reference.Region;

/**
 * E_REGION_UNKNOWN: origin_regency names no regency/city of Indonesia, or a name that fits more
 * than one (the candidates are in the message). A former code (64.04) or a BPS code is not read as
 * a regency, because a Kaltim office writing 6404 may mean BPS Kutai Timur as well as the former
 * Bulungan: the message names both readings.
 */
final class RegionUnknownRule implements RowRule {

    private static final String HOW_ID = "tulis nama kabupaten/kota (mis. 'Kota Samarinda', 'Kab. Kutai Kartanegara') "
            + "atau kode Kemendagri-nya (mis. 64.72).";
    private static final String HOW_EN = "write the regency/city name (e.g. 'Kota Samarinda', 'Kab. Kutai Kartanegara') "
            + "or its Kemendagri code (e.g. 64.72).";

    @Override
    public List<Finding> check(RowUnderCheck row) {
        if (row.isBlank(Field.ORIGIN_REGENCY)) {
            return List.of();
        }
        String value = RowUnderCheck.shown(row.written(Field.ORIGIN_REGENCY));
        String column = RowUnderCheck.shown(row.header(Field.ORIGIN_REGENCY));
        RegencyMatch match = row.originRegency();
        if (match instanceof RegencyMatch.Ambiguous ambiguous) {
            String candidates = ambiguous.candidates().stream()
                    .map(regency -> regency.label() + " (" + province(row, regency) + ")")
                    .collect(Collectors.joining(", "));
            return List.of(row.finding(RuleCode.E_REGION_UNKNOWN, Field.ORIGIN_REGENCY,
                    "Kabupaten/kota '" + value + "' pada kolom '" + column + "' cocok dengan lebih dari satu daerah: "
                            + candidates + "; tulis 'Kabupaten' atau 'Kota' di depan nama, atau kode Kemendagri-nya.",
                    "Regency/city '" + value + "' in column '" + column + "' fits more than one: " + candidates
                            + "; write 'Kabupaten' or 'Kota' before the name, or its Kemendagri code."));
        }
        return match instanceof RegencyMatch.NotFound notFound ? List.of(notFound(row, notFound, value, column)) : List.of();
    }

    private static Finding notFound(RowUnderCheck row, RegencyMatch.NotFound notFound, String value, String column) {
        String whyId = "";
        String whyEn = "";
        if (notFound.formerCode() != null) {
            Region now = notFound.formerCode().current();
            whyId += " " + notFound.formerCode().code() + " adalah kode lama " + now.name() + " (sekarang " + now.code()
                    + ").";
            whyEn += " " + notFound.formerCode().code() + " is the former code of " + now.name() + " (now " + now.code()
                    + ").";
        }
        if (notFound.bpsCodeOf() != null) {
            whyId += " Sebagai kode BPS, " + value + " adalah " + notFound.bpsCodeOf().name() + " (kode Kemendagri "
                    + notFound.bpsCodeOf().code() + ").";
            whyEn += " As a BPS code, " + value + " is " + notFound.bpsCodeOf().name() + " (Kemendagri code "
                    + notFound.bpsCodeOf().code() + ").";
        }
        if (notFound.province() != null) {
            whyId += " " + notFound.province().name() + " adalah provinsi, bukan kabupaten/kota.";
            whyEn += " " + notFound.province().name() + " is a province, not a regency/city.";
        }
        return row.finding(RuleCode.E_REGION_UNKNOWN, Field.ORIGIN_REGENCY,
                "Kabupaten/kota '" + value + "' pada kolom '" + column + "' tidak dikenal di Indonesia (Kepmendagri "
                        + row.regions().edition() + ")." + whyId + " Periksa ejaannya, lalu " + HOW_ID,
                "Regency/city '" + value + "' in column '" + column + "' is not a regency/city of Indonesia (Kepmendagri "
                        + row.regions().edition() + ")." + whyEn + " Check the spelling, then " + HOW_EN);
    }

    private static String province(RowUnderCheck row, Region regency) {
        return row.regions().province(regency).map(Region::name).orElse(regency.provinceCode());
    }
}
