package org.gugus.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.gugus.workbook.CellValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTests {

    static final Path TEMPLATE_FILE = Path.of("jobs/templates/korban-v1.yaml");
    static final Template TEMPLATE = Template.load(TEMPLATE_FILE);

    @Test
    void loadsTheProvincialTemplate() {
        assertThat(TEMPLATE.name()).isEqualTo("korban");
        assertThat(TEMPLATE.version()).isEqualTo(1);
        assertThat(TEMPLATE.headerSearchRows()).isEqualTo(30);
        assertThat(TEMPLATE.requiredFields()).containsExactlyInAnyOrder(Field.CASE_NUMBER, Field.REPORT_DATE,
                Field.VICTIM_NAME, Field.SEX, Field.ORIGIN_REGENCY, Field.EXPLOITATION);
        assertThat(TEMPLATE.requiredOneOf()).containsExactly(Set.of(Field.BIRTH_DATE, Field.AGE));
        assertThat(TEMPLATE.aliases(Field.ROW_NUMBER)).contains("No", "No.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Kab/Kota Asal|ORIGIN_REGENCY", "Kab-Kota Asal|ORIGIN_REGENCY", "kab. kota asal|ORIGIN_REGENCY",
            "  KABUPATEN / KOTA   ASAL |ORIGIN_REGENCY", "No. Registrasi|CASE_NUMBER", "NO_REG|CASE_NUMBER",
            "Nomor  Perkara|CASE_NUMBER", "Tgl. Lapor|REPORT_DATE", "TANGGAL LAPORAN|REPORT_DATE",
            "Tanggal Lapor (dd/mm/yyyy)|REPORT_DATE", "L/P|SEX", "l - p|SEX", "JK|SEX", "Umur (Tahun)|AGE",
            "umur(thn)|AGE", "Usia|AGE", "Tujuan (Negara)|DESTINATION_COUNTRY", "Kelurahan/Desa|ORIGIN_VILLAGE",
            "Ket.|NOTES", "No|ROW_NUMBER", "NO.|ROW_NUMBER", "Nomor Urut|ROW_NUMBER", "WN|CITIZENSHIP",
            "Nomor Induk Kependudukan|NIK", "Date of Birth|BIRTH_DATE", "Jenis TPPO|EXPLOITATION"})
    void matchesHeaderAliasesWrittenInOddWays(String header, Field field) {
        assertThat(TEMPLATE.fieldOfHeader(header)).contains(field);
    }

    @Test
    void matchesEveryAliasOfTheSpecification() {
        for (Field field : Field.values()) {
            for (String alias : TEMPLATE.aliases(field)) {
                assertThat(TEMPLATE.fieldOfHeader(alias)).as(alias).contains(field);
            }
        }
        assertThat(TEMPLATE.fieldOfHeader("Nama Pelaku")).isEmpty();
        assertThat(TEMPLATE.fieldOfHeader("Pekerjaan")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Laki-laki|L", "Laki - Laki|L", "LAKI LAKI|L", "lk|L", "Pria|L", "M|L", "male|L", "l|L",
            "Perempuan|P", "PR|P", "wanita|P", "W|P", "F|P", "Female|P", "p.|P"})
    void readsSexSynonyms(String value, String code) {
        assertThat(TEMPLATE.vocabulary(Field.SEX).match(value)).map(Vocabulary.Term::code).contains(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "case_stage|P-21|PENUNTUTAN", "case_stage|p21|PENUNTUTAN", "case_stage|Tahap II|PENUNTUTAN",
            "case_stage|Lidik|PENYELIDIKAN", "case_stage|sp3|DIHENTIKAN", "case_stage|Tidak Lapor Polisi|TIDAK_DILAPORKAN",
            "case_stage|Inkracht|PUTUSAN", "exploitation|PSK|SEKSUAL", "exploitation|Eksploitasi Ekonomi|KERJA_PAKSA",
            "exploitation|Awak Kapal Perikanan|ABK", "exploitation|Kawin Kontrak|PERNIKAHAN_PAKSA",
            "exploitation|Jual Organ|ORGAN", "exploitation|Penjualan Bayi|ADOPSI_ILEGAL",
            "exploitation|Forced Begging|PENGEMIS", "exploitation|Penipuan Daring|KRIMINAL",
            "exploitation|Lainnya (sebutkan)|LAINNYA", "exploitation|kerja_paksa|KERJA_PAKSA",
            "recruitment|Lowongan Kerja|TAWARAN_KERJA", "recruitment|Media Sosial|DARING", "recruitment|Hutang|JERATAN_UTANG",
            "recruitment|Pacar|PERNIKAHAN", "recruitment|Abduction|PENCULIKAN", "recruitment|Dijual Keluarga|KELUARGA",
            "services|Visum|KESEHATAN", "services|Rumah Aman|REHABILITASI_SOSIAL", "services|Konseling|REHABILITASI_SOSIAL",
            "services|Pendampingan Hukum|BANTUAN_HUKUM", "services|Repatriasi|PEMULANGAN",
            "services|Reintegrasi|REINTEGRASI", "services|Restitusi|RESTITUSI", "services|Penerimaan Pengaduan|PENGADUAN"})
    void readsVocabularySynonyms(String field, String value, String code) {
        assertThat(TEMPLATE.vocabulary(Field.ofKey(field)).match(value)).map(Vocabulary.Term::code).contains(code);
    }

    @Test
    void splitsValueListsOnEverySeparator() {
        Vocabulary exploitation = TEMPLATE.vocabulary(Field.EXPLOITATION);
        ListSeparators separators = TEMPLATE.separators();
        assertThat(exploitation.matchList("Eksploitasi Seksual dan Kerja Paksa", separators).codes())
                .containsExactly("SEKSUAL", "KERJA_PAKSA");
        assertThat(exploitation.matchList("PRT/ABK; Prostitusi + Online Scam", separators).codes())
                .containsExactly("PRT", "ABK", "SEKSUAL", "KRIMINAL");
        assertThat(exploitation.matchList("Seksual\r\nPRT\nSeksual,", separators).codes())
                .containsExactly("SEKSUAL", "PRT");
        assertThat(TEMPLATE.vocabulary(Field.SERVICES).matchList("Pendampingan Hukum dan Rumah Aman", separators)
                .codes()).containsExactly("BANTUAN_HUKUM", "REHABILITASI_SOSIAL");
    }

    @Test
    void aCellMatchedUnderOneTemplatesSeparatorsIsSplitAgainUnderAnothers() {
        Vocabulary exploitation = TEMPLATE.vocabulary(Field.EXPLOITATION);
        ListSeparators commasOnly = new ListSeparators(List.of(","), List.of());

        assertThat(exploitation.matchList("PRT dan ABK", TEMPLATE.separators()).codes()).containsExactly("PRT", "ABK");
        assertThat(exploitation.matchList("PRT dan ABK", commasOnly).unknown()).containsExactly("PRT dan ABK");
        assertThat(exploitation.matchList("PRT dan ABK", TEMPLATE.separators()).codes()).containsExactly("PRT", "ABK");
    }

    @Test
    void reportsTheUnknownPartsOfAValueList() {
        Vocabulary.CodeList codes = TEMPLATE.vocabulary(Field.EXPLOITATION)
                .matchList("Seksual, Kerja Rodi", TEMPLATE.separators());
        assertThat(codes.codes()).containsExactly("SEKSUAL");
        assertThat(codes.unknown()).containsExactly("Kerja Rodi");
        assertThat(codes.complete()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Arab Saudi|SA", "Saudi Arabia|SA", "Tiongkok|CN", "China|CN", "Uni Emirat Arab|AE", "UEA|AE",
            "Kamboja|KH", "Cambodia|KH", "Singapura|SG", "Jepang|JP", "Korea Selatan|KR", "South Korea|KR",
            "Malaysia|MY", "my|MY", "Brunei Darussalam|BN", "Myanmar|MM", "Taiwan|TW", "Hong Kong|HK",
            "Dalam Negeri|ID", "Indonesia|ID", "Filipina|PH", "Belanda|NL", "Germany|DE", "Jerman|DE", "UK|GB",
            "côte d’ivoire|CI"})
    void readsCountriesByIndonesianOrEnglishNameOrCode(String value, String code) {
        assertThat(TEMPLATE.countries().code(value)).contains(code);
    }

    @Test
    void refusesUnknownCountries() {
        assertThat(TEMPLATE.countries().code("Atlantis")).isEmpty();
        assertThat(TEMPLATE.countries().code("XX")).isEmpty();
        assertThat(TEMPLATE.countries().code("")).isEmpty();
    }

    @Test
    void treatsDashesAndBlankWordsAsEmpty() {
        assertThat(TEMPLATE.isBlank(CellValue.text("-"))).isTrue();
        assertThat(TEMPLATE.isBlank(CellValue.text(" -- "))).isTrue();
        assertThat(TEMPLATE.isBlank(CellValue.text("Tidak diketahui"))).isTrue();
        assertThat(TEMPLATE.isBlank(CellValue.BLANK)).isTrue();
        assertThat(TEMPLATE.isBlank(CellValue.text("0"))).isFalse();
        assertThat(TEMPLATE.isBlank(CellValue.number(0, "0"))).isFalse();
    }

    @Test
    void readsUnquotedYesAndNoAsText() {
        String yaml = readTemplate().replace("aliases: [No, No., Nomor Urut]", "aliases: [No, Yes, On]");
        Template template = Template.load(stream(yaml));
        assertThat(template.fieldOfHeader("Yes")).contains(Field.ROW_NUMBER);
        assertThat(template.fieldOfHeader("no")).contains(Field.ROW_NUMBER);
    }

    @Test
    void refusesAnAliasGivenToTwoFields() {
        String yaml = readTemplate().replace("aliases: [Keterangan, Catatan, Ket., Notes]",
                "aliases: [Keterangan, Catatan, Ket., Notes, Nama]");
        assertThatThrownBy(() -> Template.load(stream(yaml))).isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("fields.notes.aliases").hasMessageContaining("'Nama'")
                .hasMessageContaining("victim_name");
    }

    @Test
    void refusesASynonymGivenToTwoCodes() {
        String yaml = readTemplate().replace("synonyms: [Pemulangan, Repatriasi, Dipulangkan]",
                "synonyms: [Pemulangan, Repatriasi, Dipulangkan, Visum]");
        assertThatThrownBy(() -> Template.load(stream(yaml))).isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("vocabularies.services").hasMessageContaining("Visum")
                .hasMessageContaining("KESEHATAN").hasMessageContaining("PEMULANGAN");
    }

    @Test
    void refusesAnUnknownField() {
        String yaml = readTemplate().replace("  notes:\n", "  remarks:\n");
        assertThatThrownBy(() -> Template.load(stream(yaml))).isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("'remarks' is not a field");
    }

    @Test
    void refusesACountryAliasUnderAnUnknownCode() {
        String yaml = readTemplate().replace("  KW: [Kuwait]", "  XY: [Kuwait]");
        assertThatThrownBy(() -> Template.load(stream(yaml))).isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("'XY' is not an ISO 3166-1");
    }

    @Test
    void refusesAFileThatIsNotYaml() {
        assertThatThrownBy(() -> Template.load(stream("fields: [unclosed"))).isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("not valid YAML");
    }

    private static String readTemplate() {
        try {
            return Files.readString(TEMPLATE_FILE);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteArrayInputStream stream(String yaml) {
        return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    }
}
