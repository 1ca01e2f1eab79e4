package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContestedThinRowsTests {

    @Test
    void leavesEveryThinRowTheWinnerWhenNoOtherRowNamesItsRecord() {
        ContestedThinRows thin = ContestedThinRows.of(new int[] {1, 2, 3}, new long[] {11, 12, 13}, 3, new int[] {4},
                new long[] {14});

        assertThat(thin.ordinals()).isEmpty();
        assertThat(thin.losers()).isEmpty();
        assertThat(thin.winners()).isEqualTo(3);
    }

    @Test
    void ranksTheThinRowsOfARecordThatAJudgedRowNamesToo() {
        ContestedThinRows thin = ContestedThinRows.of(new int[] {1, 2, 5}, new long[] {11, 12, 13}, 3, new int[] {3, 4},
                new long[] {11, 13});

        assertThat(thin.ordinals()).containsExactly(1, 5);
        assertThat(thin.victimIds()).containsExactly(11L, 13L);
        // row 1 loses to the judged row 3; row 5 wins over the judged row 4
        assertThat(thin.losers()).containsExactly(1);
        assertThat(thin.winners()).isEqualTo(2);
    }

    @Test
    void keepsOnlyTheLastOfThinRowsRepeatingOneRecord() {
        ContestedThinRows thin = ContestedThinRows.of(new int[] {1, 2, 3, 4, 5}, new long[] {12, 11, 12, 13, 12}, 5,
                new int[0], new long[0]);

        assertThat(thin.ordinals()).containsExactly(1, 3, 5);
        assertThat(thin.losers()).containsExactly(1, 3);
        assertThat(thin.winners()).isEqualTo(3);
    }

    @Test
    void countsAsWinnersTheThinRowsItWasNotGiven() {
        // only the thin rows of contested records are read: the 97 others of 100 win without being read
        ContestedThinRows thin = ContestedThinRows.of(new int[] {7, 9}, new long[] {12, 12}, 100, new int[] {8},
                new long[] {12});

        assertThat(thin.losers()).containsExactly(7);
        assertThat(thin.winners()).isEqualTo(99);
    }

    @Test
    void hasNoThinRowsForAFileWithoutRuns() {
        ContestedThinRows thin = ContestedThinRows.of(new int[0], new long[0], 0, new int[] {1}, new long[] {11});

        assertThat(thin.ordinals()).isEmpty();
        assertThat(thin.winners()).isZero();
    }
}
