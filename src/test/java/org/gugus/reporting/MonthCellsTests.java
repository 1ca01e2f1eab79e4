package org.gugus.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MonthCellsTests {

    @Test
    void splitsAPeriodIntoItsPartialFirstMonthWholeMonthsAndPartialLastMonth() {
        MonthCells.WholeMonths months = MonthCells.WholeMonths.of(new ReportQuery(LocalDate.of(2024, 1, 15),
                LocalDate.of(2024, 6, 20), null));

        assertThat(months).isEqualTo(new MonthCells.WholeMonths(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 6, 20),
                LocalDate.of(2024, 2, 1), LocalDate.of(2024, 5, 31)));
    }

    @Test
    void leavesNoPartialMonthToAPeriodOfWholeMonths() {
        MonthCells.WholeMonths months = MonthCells.WholeMonths.of(new ReportQuery(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 2, 29), null));

        assertThat(months.wholeFrom()).isEqualTo(months.from());
        assertThat(months.wholeTo()).isEqualTo(months.to());
    }

    @Test
    void countsAPeriodWithoutAWholeMonthAsItsPartialFirstMonthOnly() {
        MonthCells.WholeMonths months = MonthCells.WholeMonths.of(new ReportQuery(LocalDate.of(2024, 1, 15),
                LocalDate.of(2024, 2, 10), null));

        // the days from its first day to the day after its last, and none after its whole months
        assertThat(months.wholeFrom()).isEqualTo(LocalDate.of(2024, 2, 11));
        assertThat(months.wholeTo()).isEqualTo(months.to());
        assertThat(MonthCells.firstMonth(months.from())).isGreaterThan(MonthCells.lastMonth(months.to()));
    }

    @Test
    void takesTheOpenEndsOfAPeriodAsWholeMonths() {
        MonthCells.WholeMonths months = MonthCells.WholeMonths.of(new ReportQuery(null, null, "64.72"));

        assertThat(months.wholeFrom()).isEqualTo(months.from());
        assertThat(months.wholeTo()).isEqualTo(months.to());
    }

    @Test
    void givesTheFirstDayOfAMonthKey() {
        assertThat(MonthCells.firstDay(MonthCells.monthKey(LocalDate.of(2031, 12, 9)))).isEqualTo(LocalDate.of(2031, 12, 1));
    }
}
