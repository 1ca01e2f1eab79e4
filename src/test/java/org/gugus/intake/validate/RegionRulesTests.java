package org.gugus.intake.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gugus.intake.validate.TestRows.valid;

import java.util.List;
import org.gugus.intake.mapping.Field;
import org.gugus.reference.Regions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** E_REGION_UNKNOWN, W_REGION_DETAIL and W_NIK_REGION, against the regions edition in force. */
class RegionRulesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "64.72|64.72", "6472|64.72", "Samarinda|64.72", "samarinda |64.72",
            "Kota Samarinda|64.72", "KOTA  SAMARINDA|64.72", "Kab. Kutai Kartanegara|64.02",
            "Kabupaten Kutai Kartanegara|64.02", "Kutai Kartanegara|64.02", "Kab Paser|64.01", "6402|64.02",
            "Kota Kupang|53.71", "Kabupaten Kupang|53.01", "Bulungan|65.01" })
    void resolvesTheOriginRegencyByCodeOrName(String written, String code) {
        ValidatedRow validated = valid().text(Field.ORIGIN_REGENCY, written).blank(Field.ORIGIN_DISTRICT).validate();

        assertThat(validated.findings()).isEmpty();
        assertThat(validated.caseRow().originRegencyCode()).isEqualTo(code);
        assertThat(validated.caseRow().originRegency()).isEqualTo(written.strip().replaceAll("\\s+", " "));
    }

    @Test
    void rejectsANameOfSeveralRegenciesListingTheCandidates() {
        Finding finding = only(valid().text(Field.ORIGIN_REGENCY, "Kupang"));

        assertThat(finding.code()).isEqualTo(RuleCode.E_REGION_UNKNOWN);
        assertThat(finding.field()).isEqualTo(Field.ORIGIN_REGENCY);
        assertThat(finding.value()).isEqualTo("Kupang");
        assertThat(finding.messageId()).contains("'Kupang'", "53.01 Kabupaten Kupang", "53.71 Kota Kupang",
                "Nusa Tenggara Timur", TestRows.header(Field.ORIGIN_REGENCY));
        assertThat(finding.messageEn()).contains("more than one", "53.01 Kabupaten Kupang", "53.71 Kota Kupang");
    }

    @Test
    void rejectsAnEqualNameInTwoProvinces() {
        Finding finding = only(valid().text(Field.ORIGIN_REGENCY, "Banjar"));

        assertThat(finding.code()).isEqualTo(RuleCode.E_REGION_UNKNOWN);
        assertThat(finding.messageEn()).contains("32.79 Kota Banjar (Jawa Barat)",
                "63.03 Kabupaten Banjar (Kalimantan Selatan)");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Atlantis", "99.99", "64.99", "Kalimantan Timur", "Samarinda Seberang" })
    void rejectsARegencyOfNowhere(String written) {
        Finding finding = only(valid().text(Field.ORIGIN_REGENCY, written).blank(Field.ORIGIN_DISTRICT));

        assertThat(finding.code()).isEqualTo(RuleCode.E_REGION_UNKNOWN);
        assertThat(finding.messageId()).contains("'" + written + "'", "tidak dikenal", "64.72");
        assertThat(finding.messageEn()).contains("'" + written + "'", "not a regency/city", "64.72");
    }

    @Test
    void rejectsAFormerCodeNamingBothReadings() {
        Finding finding = only(valid().text(Field.ORIGIN_REGENCY, "6404").blank(Field.ORIGIN_DISTRICT));

        assertThat(finding.code()).isEqualTo(RuleCode.E_REGION_UNKNOWN);
        assertThat(finding.messageEn()).contains("former code of Kabupaten Bulungan (now 65.01)",
                "As a BPS code, 6404 is Kabupaten Kutai Timur (Kemendagri code 64.08)");
    }

    @Test
    void wordsEveryReadingOfAFormerCodeInEachLanguage() {
        Finding finding = only(valid().text(Field.ORIGIN_REGENCY, "6404").blank(Field.ORIGIN_DISTRICT));

        assertThat(finding.messageId()).isEqualTo("Kabupaten/kota '6404' pada kolom 'KABUPATEN/KOTA ASAL' tidak "
                + "dikenal di Indonesia (Kepmendagri " + Regions.CURRENT_EDITION + "). 64.04 adalah kode lama Kabupaten Bulungan (sekarang 65.01). "
                + "Sebagai kode BPS, 6404 adalah Kabupaten Kutai Timur (kode Kemendagri 64.08). Periksa ejaannya, lalu "
                + "tulis nama kabupaten/kota (mis. 'Kota Samarinda', 'Kab. Kutai Kartanegara') atau kode "
                + "Kemendagri-nya (mis. 64.72).");
        assertThat(finding.messageEn()).isEqualTo("Regency/city '6404' in column 'KABUPATEN/KOTA ASAL' is not a "
                + "regency/city of Indonesia (Kepmendagri " + Regions.CURRENT_EDITION + "). 64.04 is the former code of Kabupaten Bulungan (now "
                + "65.01). As a BPS code, 6404 is Kabupaten Kutai Timur (Kemendagri code 64.08). Check the spelling, "
                + "then write the regency/city name (e.g. 'Kota Samarinda', 'Kab. Kutai Kartanegara') or its "
                + "Kemendagri code (e.g. 64.72).");
    }

    @Test
    void flagsADistrictNotFoundUnderTheRegency() {
        ValidatedRow validated = valid().text(Field.ORIGIN_DISTRICT, "Tenggarong").validate();

        assertThat(validated.rejected()).isFalse();
        assertThat(validated.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(RuleCode.W_REGION_DETAIL);
            assertThat(finding.field()).isEqualTo(Field.ORIGIN_DISTRICT);
            assertThat(finding.messageId()).contains("'Tenggarong'", "64.72 Kota Samarinda", "Sungai Kunjang");
        });
        assertThat(validated.caseRow().originDistrictCode()).isNull();
        assertThat(codes(valid().text(Field.ORIGIN_REGENCY, "Kutai Kartanegara").text(Field.ORIGIN_DISTRICT,
                "Kec. Tenggarong"))).isEmpty();
    }

    @Test
    void flagsAVillageNotFoundUnderTheDistrictOrRegency() {
        assertThat(codes(valid().text(Field.ORIGIN_VILLAGE, "Loa Bakung"))).isEmpty();
        assertThat(codes(valid().blank(Field.ORIGIN_DISTRICT).text(Field.ORIGIN_VILLAGE, "Kel. Loa Bakung"))).isEmpty();
        assertThat(codes(valid().text(Field.ORIGIN_VILLAGE, "Desa Entah Berantah")))
                .containsExactly(RuleCode.W_REGION_DETAIL);
        // Rawa Makmur lies in Palaran, not in Sungai Kunjang.
        assertThat(codes(valid().text(Field.ORIGIN_VILLAGE, "Rawa Makmur"))).containsExactly(RuleCode.W_REGION_DETAIL);
        assertThat(codes(valid().text(Field.ORIGIN_DISTRICT, "Palaran").text(Field.ORIGIN_VILLAGE, "Rawa Makmur")))
                .isEmpty();
    }

    @Test
    void saysInWhichDistrictAVillageWasLookedFor() {
        Finding finding = only(valid().text(Field.ORIGIN_VILLAGE, "Rawa Makmur"));

        assertThat(finding.messageId()).isEqualTo("Desa/kelurahan 'Rawa Makmur' pada kolom 'DESA/KELURAHAN' tidak "
                + "ditemukan di Kecamatan Sungai Kunjang, Kota Samarinda; periksa ejaan desa/kelurahan dan "
                + "kecamatannya.");
        assertThat(finding.messageEn()).isEqualTo("Village 'Rawa Makmur' in column 'DESA/KELURAHAN' is not found "
                + "in district Sungai Kunjang, Kota Samarinda; check the spelling of the village and its district.");
    }

    @Test
    void keepsTheCodesOfDistrictAndVillageFound() {
        CaseRow row = valid().text(Field.ORIGIN_VILLAGE, "Loa Bakung").validate().caseRow();

        assertThat(row.originDistrictCode()).isEqualTo("64.72.06");
        assertThat(row.originVillageCode()).startsWith("64.72.06.");
    }

    @Test
    void checksNoDetailOfAnUnknownRegency() {
        assertThat(codes(valid().text(Field.ORIGIN_REGENCY, "Atlantis").text(Field.ORIGIN_VILLAGE, "Nowhere")))
                .containsExactly(RuleCode.E_REGION_UNKNOWN);
    }

    @Test
    void acceptsANikFromAnotherProvince() {
        // 65.01 Kabupaten Bulungan, Kalimantan Utara; a woman born 05/07/1990.
        assertThat(codes(valid().text(Field.NIK, "6501014507900001"))).isEmpty();
        assertThat(codes(valid().text(Field.NIK, "3273014507900001"))).isEmpty();
    }

    @Test
    void flagsANikWithTheFormerCodeOfASplitRegency() {
        ValidatedRow validated = valid().text(Field.NIK, "6404014507900001").validate();

        assertThat(validated.rejected()).isFalse();
        assertThat(validated.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(RuleCode.W_NIK_REGION);
            assertThat(finding.messageId()).contains("64.04", "Kabupaten Bulungan", "65.01");
            assertThat(finding.messageEn()).contains("former code", "valid for NIKs issued before");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "9999014507900001", "6499014507900001", "0001014507900001" })
    void flagsANikWhosePrefixIsNoRegency(String nik) {
        assertThat(codes(valid().text(Field.NIK, nik))).containsExactly(RuleCode.W_NIK_REGION);
    }

    private static Finding only(TestRows row) {
        List<Finding> findings = row.validate().findings();
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    private static List<RuleCode> codes(TestRows row) {
        return row.validate().findings().stream().map(Finding::code).toList();
    }
}
