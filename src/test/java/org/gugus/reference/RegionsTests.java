package org.gugus.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RegionsTests {

    private final Regions regions = Regions.current();

    @Test
    void holdsEveryRegionOfTheEdition() {
        assertThat(regions.edition()).isEqualTo("2025");
        assertThat(regions.regencies()).hasSize(514);
        assertThat(regions.byCode("64")).get().extracting(Region::name).isEqualTo("Kalimantan Timur");
        assertThat(regions.byCode("64.72.01.1001")).get().extracting(Region::level).isEqualTo(Region.Level.VILLAGE);
        assertThat(regions.byCode("6472")).get().extracting(Region::name).isEqualTo("Kota Samarinda");
        assertThat(regions.byCode("12.07.28.1007")).get().extracting(Region::name).isEqualTo("Lubuk Pakam I,II");
    }

    @ParameterizedTest
    @ValueSource(strings = { "64.72", "6472", "64 72", "Samarinda", "samarinda", "  SAMARINDA ", "Kota Samarinda",
            "kota  samarinda", "KOTA SAMARINDA", "Kota. Samarinda", "Kotamadya Samarinda", "Samarinda (Kaltim)" })
    void resolvesKotaSamarindaInEveryAcceptedForm(String written) {
        assertThat(regions.regency(written)).isEqualTo(new RegencyMatch.Found(regions.byCode("64.72").orElseThrow()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "64.02", "6402", "Kutai Kartanegara", "Kabupaten Kutai Kartanegara", "Kab. Kutai Kartanegara",
            "Kab Kutai Kartanegara", "kab.kutai kartanegara", "KAB. KUTAI  KARTANEGARA", "Kutai-Kartanegara" })
    void resolvesKabupatenKutaiKartanegaraInEveryAcceptedForm(String written) {
        assertThat(regions.regency(written)).isEqualTo(new RegencyMatch.Found(regions.byCode("64.02").orElseThrow()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "Kota Kupang|53.71", "Kab. Kupang|53.01", "Kabupaten Kupang|53.01",
            "Kotabaru|63.02", "Kota Baru|63.02", "Jakarta Pusat|31.71", "Kota Administrasi Jakarta Pusat|31.71",
            "Kepulauan Siau Tagulandang Biaro|71.09", "Kep. Siau Tagulandang Biaro|71.09", "Mahakam Ulu|64.11",
            "Kota Banjar|32.79", "Kabupaten Banjar|63.03" })
    void resolvesByNameWithTheKindOfRegencyWhenWritten(String written, String code) {
        assertThat(regions.regency(written)).isInstanceOfSatisfying(RegencyMatch.Found.class,
                found -> assertThat(found.regency().code()).isEqualTo(code));
    }

    @Test
    void findsANameOfSeveralRegenciesAmbiguous() {
        assertThat(regions.regency("Kupang")).isInstanceOfSatisfying(RegencyMatch.Ambiguous.class,
                ambiguous -> assertThat(ambiguous.candidates()).extracting(Region::code).containsExactly("53.01", "53.71"));
        // Equal names in two provinces: Kota Banjar (Jawa Barat), Kabupaten Banjar (Kalimantan Selatan).
        assertThat(regions.regency("banjar")).isInstanceOfSatisfying(RegencyMatch.Ambiguous.class,
                ambiguous -> assertThat(ambiguous.candidates()).extracting(Region::code).containsExactly("32.79", "63.03"));
    }

    @Test
    void explainsWhatAnUnknownCodeMightBe() {
        RegencyMatch former = regions.regency("6404");
        assertThat(former).isInstanceOfSatisfying(RegencyMatch.NotFound.class, notFound -> {
            assertThat(notFound.formerCode().current().code()).isEqualTo("65.01");
            assertThat(notFound.bpsCodeOf().code()).isEqualTo("64.08");
        });
        assertThat(regions.regency("Kalimantan Timur")).isInstanceOfSatisfying(RegencyMatch.NotFound.class,
                notFound -> assertThat(notFound.province().code()).isEqualTo("64"));
        assertThat(regions.regency("Atlantis")).isEqualTo(new RegencyMatch.NotFound(null, null, null));
        assertThat(regions.regency("99.99")).isEqualTo(new RegencyMatch.NotFound(null, null, null));
    }

    @Test
    void findsDistrictsAndVillagesUnderTheirRegency() {
        Region samarinda = regions.byCode("64.72").orElseThrow();
        assertThat(regions.district(samarinda, "Sungai Kunjang")).get().extracting(Region::code).isEqualTo("64.72.06");
        assertThat(regions.district(samarinda, "Kec. sungai-kunjang")).get().extracting(Region::code).isEqualTo("64.72.06");
        assertThat(regions.district(samarinda, "64.72.06")).isPresent();
        assertThat(regions.district(samarinda, "64.02.06")).isEmpty();
        assertThat(regions.district(samarinda, "Tenggarong")).isEmpty();
        Region palaran = regions.district(samarinda, "Palaran").orElseThrow();
        Region village = regions.byCode(palaran.code() + ".1001").orElseThrow();
        assertThat(regions.village(palaran, "Kelurahan " + village.name())).contains(village);
        assertThat(regions.village(samarinda, village.name())).contains(village);
        assertThat(regions.village(palaran, "Desa Tidak Ada")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "64,Kalimantan Timur,provinsi|true", "64.72,Kota Samarinda,kabupaten_kota|true",
            "64.72|true", "64.72.06,Sungai Kunjang,kecamatan|false", "64.72.06.1001,Karang Asam Ulu,desa_kelurahan|false",
            "64.72.06|false" })
    void readsWithTheEditionOnlyTheLinesOfProvincesAndRegencies(String line, boolean withTheEdition) {
        assertThat(Regions.isRegencyOrAbove(line)).isEqualTo(withTheEdition);
    }

    @Test
    void readsTheRegencyOfANik() {
        assertThat(regions.nikRegion("6472014507900001")).isInstanceOf(NikRegion.Current.class);
        assertThat(regions.nikRegion("6501014507900001")).isInstanceOf(NikRegion.Current.class);
        assertThat(regions.nikRegion("6404014507900001")).isInstanceOfSatisfying(NikRegion.Former.class,
                former -> assertThat(former.former().current().name()).isEqualTo("Kabupaten Bulungan"));
        assertThat(regions.nikRegion("9999014507900001")).isEqualTo(new NikRegion.Unknown("99.99"));
    }

    @Test
    void reportsAMissingEditionAtFirstUseWhenItsBackgroundLoadFailed() {
        Regions.loadInBackground("1999");

        assertThatThrownBy(() -> Regions.edition("1999")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wilayah_kemendagri_1999.csv.gz");
    }

    @Test
    void crosswalksBpsAndKemendagriRegencyCodes() {
        RegencyCrosswalk crosswalk = regions.crosswalk();
        assertThat(crosswalk.size()).isEqualTo(514);
        assertThat(crosswalk.kemendagriOfBps("6402")).contains("64.07");
        assertThat(crosswalk.bpsOfKemendagri("64.02")).contains("6403");
        assertThat(crosswalk.kemendagriOfBps("6411")).contains("64.11");
    }

    @Test
    void namesCountriesInIndonesianAndEnglish() {
        assertThat(Countries.bundled().byCode("sa")).get().satisfies(country -> {
            assertThat(country.nameId()).isEqualTo("Arab Saudi");
            assertThat(country.nameEn()).isEqualTo("Saudi Arabia");
        });
        assertThat(Countries.bundled().all()).hasSizeGreaterThan(240);
    }
}
