package org.gugus.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.gugus.intake.mapping.DateReading.Problem;
import org.gugus.workbook.CellValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateReaderTests {

    private final DateReader dates = TemplateTests.TEMPLATE.dates();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-03-12|2024-03-12", "2024-3-2|2024-03-02", "2024-03-12 00:00:00|2024-03-12", "2024-03-12T10:15|2024-03-12",
            "12/03/2024|2024-03-12", "2/3/2024|2024-03-02", "12-03-2024|2024-03-12", "12.03.2024|2024-03-12",
            "12 Maret 2024|2024-03-12", "12 maret 2024|2024-03-12", "12 Mar 2024|2024-03-12", "12-Mar-2024|2024-03-12",
            "12 March 2024|2024-03-12", "1 Januari 2024|2024-01-01", "5 Februari 2024|2024-02-05", "5 Pebruari 2024|2024-02-05",
            "30 April 2024|2024-04-30", "1 Mei 2024|2024-05-01", "1 May 2024|2024-05-01", "15 Juni 2024|2024-06-15",
            "5 Juli 2024|2024-07-05", "17 Agustus 2024|2024-08-17", "17 Agu 2024|2024-08-17", "17 Agt 2024|2024-08-17",
            "17 Ags 2024|2024-08-17", "17-Aug-2024|2024-08-17", "9 September 2024|2024-09-09", "9 Sept 2024|2024-09-09",
            "1 Oktober 2024|2024-10-01", "1 Okt 2024|2024-10-01", "1 Oct 2024|2024-10-01", "10 November 2024|2024-11-10",
            "10 Nopember 2024|2024-11-10", "25 Desember 2023|2023-12-25", "25 Des 2023|2023-12-25", "25 Dec. 2023|2023-12-25",
            "Senin, 12 Maret 2024|2024-03-12", "  12 /03/ 2024 |2024-03-12"})
    void readsTheDateFormsOfTheTemplate(String text, LocalDate expected) {
        assertThat(dates.read(CellValue.text(text))).isEqualTo(new DateReading.Valid(expected));
    }

    @Test
    void readsDateCells() {
        assertThat(dates.read(CellValue.date(LocalDateTime.of(2024, 7, 5, 0, 0))))
                .isEqualTo(new DateReading.Valid(LocalDate.of(2024, 7, 5)));
    }

    @Test
    void readsTwentyNinthOfFebruaryOnlyInLeapYears() {
        assertThat(dates.read(CellValue.text("29/02/2024"))).isEqualTo(new DateReading.Valid(LocalDate.of(2024, 2, 29)));
        assertThat(dates.read(CellValue.text("29 Feb 2000"))).isEqualTo(new DateReading.Valid(LocalDate.of(2000, 2, 29)));
        assertThat(dates.read(CellValue.text("29/02/2023"))).isEqualTo(new DateReading.Invalid(Problem.NO_SUCH_DAY));
        assertThat(dates.read(CellValue.text("2100-02-29"))).isEqualTo(new DateReading.Invalid(Problem.NO_SUCH_DAY));
    }

    @Test
    void refusesImpossibleDays() {
        assertThat(dates.read(CellValue.text("31/02/2024"))).isEqualTo(new DateReading.Invalid(Problem.NO_SUCH_DAY));
        assertThat(dates.read(CellValue.text("31/04/2024"))).isEqualTo(new DateReading.Invalid(Problem.NO_SUCH_DAY));
        assertThat(dates.read(CellValue.text("00/01/2024"))).isEqualTo(new DateReading.Invalid(Problem.NO_SUCH_DAY));
    }

    @Test
    void neverReadsMonthFirst() {
        assertThat(dates.read(CellValue.text("05/31/2024"))).isEqualTo(new DateReading.Invalid(Problem.NO_SUCH_DAY));
        assertThat(dates.read(CellValue.text("03/12/2024"))).isEqualTo(new DateReading.Valid(LocalDate.of(2024, 12, 3)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "12/03/24", "12-03-24", "12.03.24", "12 Mar 24", "12-Mar-24" })
    void refusesTwoDigitYears(String text) {
        assertThat(dates.read(CellValue.text(text))).isEqualTo(new DateReading.Invalid(Problem.TWO_DIGIT_YEAR));
    }

    @ParameterizedTest
    @ValueSource(strings = { "kemarin", "12 Mart 2024", "2024/13", "12/03", "Maret 2024", "12/03/20245", "±2020" })
    void refusesWhatIsNoDate(String text) {
        assertThat(dates.read(CellValue.text(text))).isInstanceOf(DateReading.Invalid.class);
    }

    @Test
    void readsExcelSerialNumbersOfTheNineteenHundredSystem() {
        assertThat(serial(45292)).isEqualTo(new DateReading.Valid(LocalDate.of(2024, 1, 1)));
        assertThat(serial(45351)).isEqualTo(new DateReading.Valid(LocalDate.of(2024, 2, 29)));
        assertThat(serial(45351.75)).isEqualTo(new DateReading.Valid(LocalDate.of(2024, 2, 29)));
        assertThat(serial(1)).isEqualTo(new DateReading.Valid(LocalDate.of(1900, 1, 1)));
        assertThat(serial(59)).isEqualTo(new DateReading.Valid(LocalDate.of(1900, 2, 28)));
        assertThat(serial(61)).isEqualTo(new DateReading.Valid(LocalDate.of(1900, 3, 1)));
        assertThat(dates.read(CellValue.text("45292"))).isEqualTo(new DateReading.Valid(LocalDate.of(2024, 1, 1)));
    }

    @Test
    void refusesSerialsOutsideThePlausibleRange() {
        assertThat(serial(60)).isEqualTo(new DateReading.Invalid(Problem.NO_SUCH_DAY));
        assertThat(serial(0)).isEqualTo(new DateReading.Invalid(Problem.UNREADABLE));
        assertThat(serial(-5)).isEqualTo(new DateReading.Invalid(Problem.UNREADABLE));
        assertThat(serial(2_958_466)).isEqualTo(new DateReading.Invalid(Problem.UNREADABLE));
        assertThat(serial(2_958_465)).isEqualTo(new DateReading.Invalid(Problem.YEAR_OUT_OF_RANGE));
        assertThat(serial(Double.NaN)).isEqualTo(new DateReading.Invalid(Problem.UNREADABLE));
        assertThat(serial(20_240_312)).isEqualTo(new DateReading.Invalid(Problem.UNREADABLE));
    }

    @Test
    void refusesAYearTypedAlone() {
        assertThat(serial(2024)).isEqualTo(new DateReading.Invalid(Problem.YEAR_ONLY));
        assertThat(dates.read(CellValue.text("2024"))).isEqualTo(new DateReading.Invalid(Problem.YEAR_ONLY));
    }

    @Test
    void refusesYearsBeforeNineteenHundred() {
        assertThat(dates.read(CellValue.text("12/03/1024"))).isEqualTo(new DateReading.Invalid(Problem.YEAR_OUT_OF_RANGE));
        assertThat(dates.read(CellValue.date(LocalDateTime.of(1899, 12, 31, 10, 0))))
                .isEqualTo(new DateReading.Invalid(Problem.YEAR_OUT_OF_RANGE));
    }

    @Test
    void readsBlankCellsAsBlank() {
        assertThat(dates.read(CellValue.BLANK)).isEqualTo(new DateReading.Blank());
        assertThat(dates.read(CellValue.text("-"))).isEqualTo(new DateReading.Blank());
    }

    private DateReading serial(double number) {
        return dates.read(CellValue.number(number, String.valueOf(number)));
    }
}
