package org.gugus.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionTests {

    private final Suppression suppression = new Suppression(5);

    @Test
    void showsCountsOfOneToFourAsLessThanFiveAndKeepsZeroAndFive() {
        Map<Indicator, Map<String, Object>> shown = suppression.apply(counts(30,
                Indicator.BY_EXPLOITATION, cells("SEKSUAL", 4, "KERJA_PAKSA", 0, "PRT", 5, "ABK", 1)));

        assertThat(shown.get(Indicator.BY_EXPLOITATION)).containsExactlyEntriesOf(
                cells("SEKSUAL", "<5", "KERJA_PAKSA", 0L, "PRT", 5L, "ABK", "<5"));
    }

    @Test
    void suppressesTheNextSmallestCellWhenOneSuppressedCellCouldBeRecoveredFromThePublishedTotal() {
        Map<Indicator, Map<String, Object>> shown = suppression.apply(counts(30,
                Indicator.BY_SEX, cells("L", 3, "P", 27),
                Indicator.BY_AGE_GROUP, cells("0-5", 2, "13-17", 9, "18-24", 7, "25-59", 12)));

        assertThat(shown.get(Indicator.BY_SEX)).containsExactlyEntriesOf(cells("L", "<5", "P", "<5"));
        assertThat(shown.get(Indicator.BY_AGE_GROUP)).containsExactlyEntriesOf(
                cells("0-5", "<5", "13-17", 9L, "18-24", "<5", "25-59", 12L));
    }

    @Test
    void leavesABreakdownWithTwoSuppressedCellsAsItIs() {
        Map<Indicator, Map<String, Object>> shown = suppression.apply(counts(30,
                Indicator.BY_ORIGIN_REGENCY, cells("64.71", 2, "64.72", 3, "64.02", 25)));

        assertThat(shown.get(Indicator.BY_ORIGIN_REGENCY)).containsExactlyEntriesOf(
                cells("64.71", "<5", "64.72", "<5", "64.02", 25L));
    }

    @Test
    void addsNoComplementaryCellWhereAPersonCountsInSeveralCells() {
        Map<Indicator, Map<String, Object>> shown = suppression.apply(counts(30,
                Indicator.BY_SERVICE, cells("KESEHATAN", 2, "PEMULANGAN", 20, "RESTITUSI", 28)));

        assertThat(shown.get(Indicator.BY_SERVICE)).containsExactlyEntriesOf(
                cells("KESEHATAN", "<5", "PEMULANGAN", 20L, "RESTITUSI", 28L));
    }

    @Test
    void addsNoComplementaryCellWhenTheTotalItselfIsSuppressed() {
        Map<Indicator, Map<String, Object>> shown = suppression.apply(counts(4, Indicator.BY_SEX, cells("L", 1, "P", 3)));

        assertThat(shown.get(Indicator.UNIQUE_VICTIMS)).containsEntry("", "<5");
        assertThat(shown.get(Indicator.BY_SEX)).containsExactlyEntriesOf(cells("L", "<5", "P", "<5"));
    }

    @Test
    void marksWithTheKItUses() {
        Map<Indicator, Map<String, Object>> shown = new Suppression(11).apply(counts(40, Indicator.BY_SEX, cells("L", 10, "P", 30)));

        assertThat(shown.get(Indicator.BY_SEX)).containsExactlyEntriesOf(cells("L", "<11", "P", "<11"));
    }

    @Test
    void refusesAKBelowTwo() {
        assertThatThrownBy(() -> new Suppression(1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<Indicator, Map<String, Long>> counts(long total, Object... indicatorsAndCells) {
        Map<Indicator, Map<String, Long>> counts = new EnumMap<>(Indicator.class);
        counts.put(Indicator.UNIQUE_VICTIMS, Map.of("", total));
        for (int i = 0; i < indicatorsAndCells.length; i += 2) {
            Map<String, Long> cells = new LinkedHashMap<>();
            ((Map<?, ?>) indicatorsAndCells[i + 1]).forEach((code, n) -> cells.put((String) code, ((Number) n).longValue()));
            counts.put((Indicator) indicatorsAndCells[i], cells);
        }
        return counts;
    }

    private static Map<String, Object> cells(Object... codesAndValues) {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (int i = 0; i < codesAndValues.length; i += 2) {
            Object value = codesAndValues[i + 1];
            cells.put((String) codesAndValues[i], value instanceof Integer n ? (Object) n.longValue() : value);
        }
        return cells;
    }
}
