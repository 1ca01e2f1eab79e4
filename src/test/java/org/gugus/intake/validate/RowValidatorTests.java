package org.gugus.intake.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gugus.intake.validate.TestRows.NIK;
import static org.gugus.intake.validate.TestRows.valid;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.gugus.intake.mapping.Field;
import org.gugus.system.Message;
import org.gugus.workbook.CellValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RowValidatorTests {

    @Test
    void buildsACaseRowInNormalisedValues() {
        ValidatedRow validated = valid().validate();

        assertThat(validated.findings()).isEmpty();
        assertThat(validated.rejected()).isFalse();
        CaseRow row = validated.caseRow();
        assertThat(row.caseNumber()).isEqualTo("012/uptd ppa/2024");
        assertThat(row.reportDate()).isEqualTo(LocalDate.of(2024, 3, 12));
        assertThat(row.incidentDate()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(row.victimName()).isEqualTo("Siti Aminah");
        assertThat(row.nik()).isEqualTo(NIK);
        assertThat(row.sex()).isEqualTo("P");
        assertThat(row.birthDate()).isEqualTo(LocalDate.of(1990, 7, 5));
        assertThat(row.age()).isEqualTo(33);
        assertThat(row.originRegency()).isEqualTo("Kota Samarinda");
        assertThat(row.originVillage()).isNull();
        assertThat(row.citizenship()).isEqualTo("WNI");
        assertThat(row.citizenshipCountry()).isEqualTo("ID");
        assertThat(row.exploitation()).containsExactly("SEKSUAL", "PRT");
        assertThat(row.recruitment()).containsExactly("DARING");
        assertThat(row.destinationCountry()).isEqualTo("MY");
        assertThat(row.destinationArea()).isEqualTo("Tawau");
        assertThat(row.caseStage()).isEqualTo("PENUNTUTAN");
        assertThat(row.services()).containsExactly("KESEHATAN", "REHABILITASI_SOSIAL");
        assertThat(row.notes()).isNull();
    }

    @Test
    void leavesOptionalFieldsEmptyWhenBlank() {
        TestRows row = valid();
        for (Field field : List.of(Field.INCIDENT_DATE, Field.NIK, Field.BIRTH_PLACE, Field.BIRTH_DATE,
                Field.ORIGIN_DISTRICT, Field.RECRUITMENT, Field.DESTINATION_COUNTRY, Field.DESTINATION_AREA,
                Field.CASE_STAGE, Field.SERVICES)) {
            row.blank(field);
        }
        CaseRow caseRow = row.validate().caseRow();
        assertThat(caseRow).isNotNull();
        assertThat(caseRow.nik()).isNull();
        assertThat(caseRow.recruitment()).isEmpty();
        assertThat(caseRow.caseStage()).isNull();
        assertThat(caseRow.destinationCountry()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "CASE_NUMBER", "REPORT_DATE", "VICTIM_NAME", "SEX", "ORIGIN_REGENCY", "EXPLOITATION" })
    void rejectsABlankRequiredField(Field field) {
        ValidatedRow validated = valid().text(field, " - ").validate();

        assertThat(validated.rejected()).isTrue();
        assertThat(validated.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(RuleCode.E_REQUIRED);
            assertThat(finding.field()).isEqualTo(field);
            assertThat(finding.column()).isEqualTo(TestRows.header(field));
            assertThat(finding.value()).isEqualTo(" - ");
            assertThat(finding.messageId()).contains(TestRows.header(field), "wajib");
            assertThat(finding.messageEn()).contains(TestRows.header(field), "required");
        });
    }

    @Test
    void rejectsARowWithNeitherBirthDateNorAge() {
        assertThat(codes(valid().blank(Field.BIRTH_DATE).blank(Field.AGE))).containsExactly(RuleCode.E_REQUIRED);
        assertThat(codes(valid().blank(Field.BIRTH_DATE))).isEmpty();
        assertThat(codes(valid().blank(Field.AGE))).isEmpty();
        Finding finding = valid().blank(Field.BIRTH_DATE).blank(Field.AGE).validate().findings().get(0);
        assertThat(finding.messageId()).contains("TANGGAL LAHIR", "UMUR", "salah satunya");
    }

    @Test
    void namesTheColumnsOfAnEmptyOneOfGroupInEachLanguage() {
        Finding finding = valid().blank(Field.BIRTH_DATE).blank(Field.AGE).validate().findings().get(0);

        assertThat(finding.messageId()).isEqualTo(
                "Kolom 'TANGGAL LAHIR' dan 'UMUR' tidak ada yang diisi; isi paling sedikit salah satunya.");
        assertThat(finding.messageEn()).isEqualTo(
                "Columns 'TANGGAL LAHIR' and 'UMUR' are all empty; fill in at least one of them.");
    }

    @Test
    void rejectsAnUnreadableDateSayingHowToWriteIt() {
        Finding finding = valid().text(Field.REPORT_DATE, "31/02/2024").validate().findings().get(0);
        assertThat(finding.code()).isEqualTo(RuleCode.E_DATE_FORMAT);
        assertThat(finding.field()).isEqualTo(Field.REPORT_DATE);
        assertThat(finding.value()).isEqualTo("31/02/2024");
        assertThat(finding.messageId()).contains("'31/02/2024'", "dd/mm/yyyy", "05/07/2024");
        assertThat(finding.messageEn()).contains("'31/02/2024'", "dd/mm/yyyy", "05/07/2024");

        assertThat(codes(valid().text(Field.INCIDENT_DATE, "kemarin"))).containsExactly(RuleCode.E_DATE_FORMAT);
        assertThat(codes(valid().text(Field.BIRTH_DATE, "05/07/90"))).containsExactly(RuleCode.E_DATE_FORMAT);
        assertThat(valid().text(Field.BIRTH_DATE, "05/07/90").validate().findings().get(0).messageEn())
                .contains("2-digit year");
    }

    @Test
    void rejectsDatesAfterTheFileWasReceived() {
        assertThat(codes(valid().text(Field.REPORT_DATE, "02/04/2024"))).containsExactly(RuleCode.E_DATE_FUTURE);
        assertThat(codes(valid().text(Field.REPORT_DATE, "01/04/2024"))).isEmpty();
        assertThat(codes(valid().text(Field.BIRTH_DATE, "05/07/2090").blank(Field.NIK).blank(Field.AGE)))
                .contains(RuleCode.E_DATE_FUTURE);
    }

    @ParameterizedTest
    @CsvSource({ "29/02/2024,true", "29/02/2023,false", "29/02/1996,true", "29/02/1997,false", "29 Februari 2000,true",
            "29-Feb-2001,false" })
    void acceptsTheTwentyNinthOfFebruaryOnlyInALeapYear(String date, boolean exists) {
        ValidatedRow validated = valid().text(Field.BIRTH_DATE, date).blank(Field.NIK).blank(Field.AGE).validate();
        if (exists) {
            assertThat(validated.findings()).isEmpty();
            assertThat(validated.caseRow().birthDate().getDayOfMonth()).isEqualTo(29);
        } else {
            assertThat(validated.findings()).singleElement()
                    .satisfies(finding -> assertThat(finding.code()).isEqualTo(RuleCode.E_DATE_FORMAT))
                    .satisfies(finding -> assertThat(finding.messageEn()).contains("does not exist"));
        }
    }

    @Test
    void rejectsAnIncidentAfterItsReport() {
        assertThat(codes(valid().text(Field.INCIDENT_DATE, "13/03/2024"))).containsExactly(RuleCode.E_DATE_ORDER);
        assertThat(codes(valid().text(Field.INCIDENT_DATE, "12/03/2024"))).isEmpty();
    }

    @Test
    void rejectsABirthAfterTheIncidentOrTheReport() {
        TestRows bornAfterIncident = valid().text(Field.BIRTH_DATE, "02/03/2024").blank(Field.NIK).blank(Field.AGE);
        assertThat(bornAfterIncident.validate().findings()).singleElement()
                .satisfies(finding -> assertThat(finding.field()).isEqualTo(Field.BIRTH_DATE))
                .satisfies(finding -> assertThat(finding.code()).isEqualTo(RuleCode.E_DATE_ORDER));
        assertThat(codes(valid().text(Field.BIRTH_DATE, "13/03/2024").blank(Field.INCIDENT_DATE).blank(Field.NIK)
                .blank(Field.AGE))).containsExactly(RuleCode.E_DATE_ORDER);
        assertThat(codes(valid().text(Field.BIRTH_DATE, "01/03/2024").blank(Field.NIK).blank(Field.AGE))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "647201450790000", "64720145079000012", "6472O14507900001", "Tidak punya KTP" })
    void rejectsANikThatIsNotSixteenDigits(String nik) {
        assertThat(codes(valid().text(Field.NIK, nik))).containsExactly(RuleCode.E_NIK_FORMAT);
    }

    @Test
    void rejectsANikWrittenInScientificNotation() {
        Finding finding = valid().text(Field.NIK, "6.47201E+15").validate().findings().get(0);
        assertThat(finding.code()).isEqualTo(RuleCode.E_NIK_FORMAT);
        assertThat(finding.messageId()).contains("Teks");
        assertThat(finding.messageEn()).contains("Text");
    }

    @ParameterizedTest
    @ValueSource(strings = { "6472 0145 0790 0001", "6472.0145.0790.0001", "6472-0145-0790-0001", "'6472014507900001" })
    void acceptsANikWithSpacesDotsOrHyphens(String nik) {
        ValidatedRow validated = valid().text(Field.NIK, nik).validate();
        assertThat(validated.findings()).isEmpty();
        assertThat(validated.caseRow().nik()).isEqualTo(NIK);
    }

    @Test
    void rejectsNikReadFromNumericCellEndingInZero() {
        ValidatedRow validated = valid().cell(Field.NIK, CellValue.number(6472014507900000d, "6.47201E+15")).validate();
        assertThat(validated.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(RuleCode.E_NIK_PRECISION);
            assertThat(finding.messageId()).contains("Teks", "15 angka");
            assertThat(finding.messageEn()).contains("format the NIK column as Text");
        });
    }

    @Test
    void acceptsNikFromNumericCellNotEndingInZero() {
        ValidatedRow validated = valid().cell(Field.NIK, CellValue.number(6472014507900001d, "6472014507900001"))
                .validate();
        assertThat(validated.findings()).isEmpty();
        assertThat(validated.caseRow().nik()).isEqualTo(NIK);
    }

    @ParameterizedTest
    @CsvSource({ "01,01", "31,12", "41,01", "71,12" })
    void acceptsNikDayAndMonthAtTheirBounds(String day, String month) {
        String nik = "647201" + day + month + "900001";
        assertThat(codes(valid().text(Field.NIK, nik).blank(Field.BIRTH_DATE))).doesNotContain(RuleCode.E_NIK_DATE)
                .doesNotContain(RuleCode.E_NIK_FORMAT);
    }

    @ParameterizedTest
    @CsvSource({ "00,07", "32,07", "40,07", "72,07", "45,00", "45,13" })
    void rejectsAnImpossibleNikDate(String day, String month) {
        String nik = "647201" + day + month + "900001";
        assertThat(codes(valid().text(Field.NIK, nik))).containsExactly(RuleCode.E_NIK_DATE);
    }

    @Test
    void rejectsDayThirtyTwoOfNik() {
        Finding finding = valid().text(Field.NIK, "6472013207900001").validate().findings().get(0);
        assertThat(finding.code()).isEqualTo(RuleCode.E_NIK_DATE);
        assertThat(finding.messageId()).contains("320790", "41-71");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "Sex|SEX", "Perempuan, Laki-laki|SEX", "Kerja Rodi|EXPLOITATION",
            "Seksual, Kerja Rodi|EXPLOITATION", "Diculik alien|RECRUITMENT", "Banding|CASE_STAGE", "Pijat|SERVICES",
            "Atlantis|DESTINATION_COUNTRY", "Malaysia, Brunei|DESTINATION_COUNTRY", "WNA Atlantis|CITIZENSHIP",
            "Marsian|CITIZENSHIP" })
    void rejectsAnUnknownCode(String value, Field field) {
        ValidatedRow validated = valid().text(field, value).validate();
        assertThat(validated.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(RuleCode.E_CODE_UNKNOWN);
            assertThat(finding.field()).isEqualTo(field);
            assertThat(finding.value()).isEqualTo(value);
        });
    }

    @Test
    void listsTheAcceptedValuesOfAnUnknownCode() {
        Finding finding = valid().text(Field.SEX, "X").validate().findings().get(0);
        assertThat(finding.messageId()).contains("'X'", "L (Laki-laki)", "P (Perempuan)");
        assertThat(finding.messageEn()).contains("'X'", "L (Male)", "P (Female)");
        Finding list = valid().text(Field.EXPLOITATION, "Seksual, Kerja Rodi").validate().findings().get(0);
        assertThat(list.messageId()).contains("'Kerja Rodi'", "KERJA_PAKSA (Kerja paksa)").doesNotContain("'Seksual'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "WNI|WNI|ID", "Indonesia|WNI|ID", "wni|WNI|ID", "WNA|WNA|",
            "Asing|WNA|", "WNA Malaysia|WNA|MY", "WNA (Filipina)|WNA|PH", "WNA - Timor Leste|WNA|TL",
            "Warga Negara Asing Tiongkok|WNA|CN", "Malaysia (WNA)|WNA|MY", "Malaysia|WNA|MY", "-|WNI|ID" })
    void readsCitizenship(String value, String citizenship, String country) {
        CaseRow row = valid().text(Field.CITIZENSHIP, value).validate().caseRow();
        assertThat(row).isNotNull();
        assertThat(row.citizenship()).isEqualTo(citizenship);
        assertThat(row.citizenshipCountry()).isEqualTo(country);
    }

    @Test
    void readsDalamNegeriAsIndonesia() {
        assertThat(valid().text(Field.DESTINATION_COUNTRY, "Dalam Negeri").validate().caseRow().destinationCountry())
                .isEqualTo("ID");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "0|0", "120|120", "17 tahun|17", "17 th|17", "17 Thn.|17", "17.0|17",
            "6 bulan|0", "2 thn 6 bln|2" })
    void readsAgesInWholeYears(String value, int years) {
        ValidatedRow validated = valid().text(Field.AGE, value).blank(Field.BIRTH_DATE).validate();
        assertThat(validated.findings()).isEmpty();
        assertThat(validated.caseRow().age()).isEqualTo(years);
    }

    @ParameterizedTest
    @ValueSource(strings = { "121", "-1", "17,5", "tujuh belas", "±17", "17-18" })
    void rejectsAnAgeOutsideZeroToOneHundredTwenty(String value) {
        assertThat(codes(valid().text(Field.AGE, value).blank(Field.BIRTH_DATE))).containsExactly(RuleCode.E_AGE_RANGE);
    }

    @Test
    void readsAgesFromNumericCells() {
        assertThat(codes(valid().cell(Field.AGE, CellValue.number(120, "120")).blank(Field.BIRTH_DATE))).isEmpty();
        assertThat(codes(valid().cell(Field.AGE, CellValue.number(121, "121")).blank(Field.BIRTH_DATE)))
                .containsExactly(RuleCode.E_AGE_RANGE);
        assertThat(codes(valid().cell(Field.AGE, CellValue.number(16.5, "16.5")).blank(Field.BIRTH_DATE)))
                .containsExactly(RuleCode.E_AGE_RANGE);
    }

    @Test
    void flagsANikOfTheOtherSex() {
        ValidatedRow validated = valid().text(Field.SEX, "L").validate();
        assertThat(validated.rejected()).isFalse();
        assertThat(validated.findings()).extracting(Finding::code).containsExactly(RuleCode.W_NIK_SEX);
        assertThat(codes(valid().text(Field.NIK, "6472010507900001").text(Field.SEX, "P")))
                .contains(RuleCode.W_NIK_SEX);
        assertThat(codes(valid().text(Field.NIK, "6472010507900001").text(Field.SEX, "L")))
                .doesNotContain(RuleCode.W_NIK_SEX);
    }

    @Test
    void flagsANikWhoseDateDiffersFromTheBirthDate() {
        assertThat(codes(valid().text(Field.BIRTH_DATE, "06/07/1990").blank(Field.AGE)))
                .containsExactly(RuleCode.W_NIK_BIRTHDATE);
        assertThat(codes(valid().text(Field.BIRTH_DATE, "05/07/1991").blank(Field.AGE)))
                .containsExactly(RuleCode.W_NIK_BIRTHDATE);
        assertThat(codes(valid().text(Field.BIRTH_DATE, "05/07/1990").blank(Field.AGE))).isEmpty();
    }

    @Test
    void flagsAnAgeMoreThanOneYearFromTheBirthDate() {
        // Born 05/07/1990, reported 12/03/2024: 33 years old.
        assertThat(codes(valid().text(Field.AGE, "32"))).isEmpty();
        assertThat(codes(valid().text(Field.AGE, "34"))).isEmpty();
        assertThat(codes(valid().text(Field.AGE, "31"))).containsExactly(RuleCode.W_AGE_MISMATCH);
        assertThat(codes(valid().text(Field.AGE, "35"))).containsExactly(RuleCode.W_AGE_MISMATCH);
    }

    @Test
    void readsDatesFromDateCellsAndSerials() {
        CaseRow row = valid().cell(Field.REPORT_DATE, CellValue.date(LocalDateTime.of(2024, 3, 12, 0, 0)))
                .cell(Field.INCIDENT_DATE, CellValue.number(45352, "45352")).validate().caseRow();
        assertThat(row.reportDate()).isEqualTo(LocalDate.of(2024, 3, 12));
        assertThat(row.incidentDate()).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void runsAddedRules() {
        RowRule noNotes = row -> row.isBlank(Field.NOTES) ? List.of()
                : List.of(row.finding(RuleCode.E_REQUIRED, Field.NOTES, new Message("id", "en")));
        RowValidator validator = new RowValidator(TestRows.TEMPLATE, List.of(noNotes));
        assertThat(validator.validate(valid().text(Field.NOTES, "x").mapped(), TestRows.RECEIVED_ON).rejected()).isTrue();
        assertThat(validator.validate(valid().mapped(), TestRows.RECEIVED_ON).rejected()).isFalse();
    }

    private static List<RuleCode> codes(TestRows row) {
        return row.validate().findings().stream().map(Finding::code).toList();
    }
}
