package org.gugus.persons.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each comparison's levels, read off the explanation of a scored pair. */
class ComparisonTests {

    private final Linkage linkage = new Linkage(LinkageSettings.defaults());

    private String level(String comparison, Report a, Report b) {
        return linkage.score(a.build(), b.build(), LinkageModel.initial()).comparisons().stream()
                .filter(c -> c.comparison().equals(comparison)).findFirst().orElseThrow().level();
    }

    @Test
    void comparesNiks() {
        Report a = Report.id(1).nik("6472034607979990");
        assertThat(level("nik", a, Report.id(2).nik("6472034607979990"))).isEqualTo("equal");
        assertThat(level("nik", a, Report.id(2).nik("6472034607979890"))).isEqualTo("one_digit_off");
        assertThat(level("nik", a, Report.id(2).nik("6472034607979909"))).isEqualTo("one_digit_off");
        assertThat(level("nik", a, Report.id(2).nik("6472034607971234"))).isEqualTo("region_birth_equal");
        assertThat(level("nik", a, Report.id(2).nik("6402035501881234"))).isEqualTo("different");
        assertThat(level("nik", a, Report.id(2))).isEqualTo("missing");
        assertThat(level("nik", a, Report.id(2).nik("0000000000000000"))).isEqualTo("missing");
        assertThat(level("nik", a, Report.id(2).nik("64720346"))).isEqualTo("missing");
    }

    @Test
    void comparesNames() {
        Report a = Report.id(1).name("Siti Aminah binti Abdullah");
        assertThat(level("name", a, Report.id(2).name("ST. AMINAH BT. ABDULLAH"))).isEqualTo("equal");
        assertThat(level("name", a, Report.id(2).name("Aminah Siti binti Abdullah"))).isEqualTo("reordered");
        assertThat(level("name", a, Report.id(2).name("Siti Aminah"))).isEqualTo("token_dropped");
        assertThat(level("name", a, Report.id(2).name("Siti Aminnah Abdulah"))).isEqualTo("equal");
        assertThat(level("name", a, Report.id(2).name("Siti Aminar binti Abdullah"))).isEqualTo("jaro_winkler_92");
        assertThat(level("name", Report.id(1).name("Sumarni"), Report.id(2).name("Sumiati"))).isEqualTo("jaro_winkler_85");
        assertThat(level("name", a, Report.id(2).name("Siti Fatimah binti Abdullah"))).isEqualTo("different");
        assertThat(level("name", Report.id(1).name("Nurhayati"), Report.id(2).name("Nur Hayati")))
                .isEqualTo("jaro_winkler_92");
        assertThat(level("name", a, Report.id(2).name(" "))).isEqualTo("missing");
    }

    @Test
    void takesAPlaceholderNameForMissing() {
        assertThat(level("name", Report.id(1).name("Korban 1"), Report.id(2).name("Korban 2"))).isEqualTo("missing");
        assertThat(level("name", Report.id(1).name("Anak 1"), Report.id(2).name("Anak 1"))).isEqualTo("missing");
        assertThat(level("name", Report.id(1).name("Siti Aminah"), Report.id(2).name("NN"))).isEqualTo("missing");
    }

    @Test
    void neverAgreesOnNamesThatDifferOnlyInTheirNumbers() {
        assertThat(level("name", Report.id(1).name("Siti Aminah 1"), Report.id(2).name("Siti Aminah 2")))
                .isEqualTo("different");
        assertThat(level("name", Report.id(1).name("Siti Aminah 1"), Report.id(2).name("SITI AMINAH 01")))
                .isEqualTo("equal");
    }

    @Test
    void comparesBirthDates() {
        Report a = Report.id(1).born("1990-03-07");
        assertThat(level("birth_date", a, Report.id(2).born("1990-03-07"))).isEqualTo("equal");
        assertThat(level("birth_date", a, Report.id(2).born("1990-07-03"))).isEqualTo("day_month_swapped");
        assertThat(level("birth_date", a, Report.id(2).born("1990-03-29"))).isEqualTo("within_month");
        assertThat(level("birth_date", a, Report.id(2).born("1990-11-20"))).isEqualTo("same_year");
        assertThat(level("birth_date", a, Report.id(2).born("1992-03-07"))).isEqualTo("different");
        assertThat(level("birth_date", a, Report.id(2).age(34, "2024-06-01"))).isEqualTo("age_consistent");
        assertThat(level("birth_date", a, Report.id(2).age(34, "2024-01-01"))).isEqualTo("age_consistent");
        assertThat(level("birth_date", a, Report.id(2).age(30, "2024-06-01"))).isEqualTo("different");
        assertThat(level("birth_date", Report.id(1).age(30, "2020-05-01"), Report.id(2).age(34, "2024-02-01")))
                .isEqualTo("age_consistent");
        assertThat(level("birth_date", Report.id(1).age(30, "2020-05-01"), Report.id(2).age(30, "2024-02-01")))
                .isEqualTo("different");
        assertThat(level("birth_date", a, Report.id(2))).isEqualTo("missing");
    }

    @Test
    void takesTheBirthDateFromTheNikWhenNoneIsWritten() {
        Report a = Report.id(1).born("1997-07-06");
        assertThat(level("birth_date", a, Report.id(2).nik("6472034607979990"))).isEqualTo("equal");
    }

    @Test
    void comparesSex() {
        assertThat(level("sex", Report.id(1).sex("P"), Report.id(2).sex("P"))).isEqualTo("equal");
        assertThat(level("sex", Report.id(1).sex("P"), Report.id(2).sex("L"))).isEqualTo("different");
        assertThat(level("sex", Report.id(1).sex("P"), Report.id(2).sex(null))).isEqualTo("missing");
    }

    @Test
    void comparesTheOriginFromTheVillageUp() {
        Report a = Report.id(1).origin("64.02", "64.02.07", "64.02.07.2010");
        assertThat(level("origin", a, Report.id(2).origin("64.02", "64.02.07", "64.02.07.2010"))).isEqualTo("village_equal");
        assertThat(level("origin", a, Report.id(2).origin("64.02", "64.02.07", null))).isEqualTo("district_equal");
        assertThat(level("origin", a, Report.id(2).origin("64.02", "64.02.01", null))).isEqualTo("regency_equal");
        assertThat(level("origin", a, Report.id(2).origin("52.01", null, null))).isEqualTo("different");
        assertThat(level("origin", a, Report.id(2).origin(null, null, null))).isEqualTo("missing");
    }

    @Test
    void comparesBirthPlacesAndAddresses() {
        Report a = Report.id(1).birthPlace("Kab. Kutai Kartanegara").address("Jl. Gajah Mada RT 16 No. 127");
        Report b = Report.id(2).birthPlace("KUTAI KARTANEGARA").address("JALAN GAJAH MADA RT 16 NO 127");
        assertThat(level("birth_place", a, b)).isEqualTo("equal");
        assertThat(level("address", a, b)).isEqualTo("jaccard_70");
        assertThat(level("birth_place", a, Report.id(2).birthPlace("Koetai Kartanagara"))).isEqualTo("similar");
        assertThat(level("birth_place", a, Report.id(2).birthPlace("Samarinda"))).isEqualTo("different");
        assertThat(level("address", a, Report.id(2).address("Jl. Gajah Mada RT 03"))).isEqualTo("jaccard_40");
        assertThat(level("address", a, Report.id(2).address("Jl. Pramuka 5"))).isEqualTo("different");
        assertThat(level("address", a, Report.id(2))).isEqualTo("missing");
    }

    @Test
    void weighsAMissingValueZero() {
        ScoredPair pair = linkage.score(Report.id(1).build(), Report.id(2).sex(null).build(), LinkageModel.initial());
        assertThat(pair.comparisons()).filteredOn(c -> c.comparison().equals("sex"))
                .singleElement().satisfies(c -> assertThat(c.weight()).isZero());
    }
}
