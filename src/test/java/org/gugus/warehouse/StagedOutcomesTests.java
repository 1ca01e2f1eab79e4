package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StagedOutcomesTests {

    private static final String WARNED = "[{\"code\":\"W_AGE\",\"field\":\"age\",\"column\":\"Umur\"}]";
    private static final String MISSING = "[{\"code\":\"E_REQUIRED\",\"field\":\"victim_name\",\"column\":\"Nama\"}]";

    @Test
    void tellsTheRowsWithFindingsOnTheirOwnAndTheOthersInRunsOfFollowingRowsOfASheet() {
        StagedOutcomes outcomes = new StagedOutcomes();
        outcomes.add(clean(1, "Data", 2));
        outcomes.add(clean(2, "Data", 3));
        outcomes.add(rejected(3, "Data", 4));
        outcomes.add(warned(4, "Data", 5));
        outcomes.add(clean(5, "Data", 6));
        outcomes.add(clean(6, "Data", 8)); // a blank row skipped before it
        outcomes.add(clean(7, "Data", 9));
        outcomes.add(clean(8, "Lain", 10)); // another sheet, its row numbers following by chance
        outcomes.add(clean(9, "Lain", 11));

        assertThat(outcomes.told()).isTrue();
        assertThat(outcomes.singles()).containsExactly(new StagedOutcomes.Single(3, "Data", 4, true, MISSING),
                new StagedOutcomes.Single(4, "Data", 5, false, WARNED));
        assertThat(outcomes.runs()).containsExactly(new RowOutcomes.Run(1, 2, "Data", 2),
                new RowOutcomes.Run(5, 5, "Data", 6), new RowOutcomes.Run(6, 7, "Data", 8),
                new RowOutcomes.Run(8, 9, "Lain", 10));
    }

    @Test
    void tellsNothingOfAFileItDidNotSeeFromItsFirstRow() {
        StagedOutcomes outcomes = new StagedOutcomes();
        outcomes.add(clean(2, "Data", 3));
        outcomes.add(clean(3, "Data", 4));

        assertThat(outcomes.told()).isFalse();
        assertThat(outcomes.singles()).isEmpty();
        assertThat(outcomes.runs()).isEmpty();
    }

    @Test
    void tellsNothingOfAFileWithARowStagedThin() {
        StagedOutcomes outcomes = new StagedOutcomes();
        outcomes.add(clean(1, "Data", 2));
        outcomes.add(StagedRow.repeating(1, 2, "Data", 3, new byte[16], 77));
        outcomes.add(clean(3, "Data", 4));

        assertThat(outcomes.told()).isFalse();
        assertThat(outcomes.runs()).isEmpty();
    }

    @Test
    void tellsNothingOfMoreOutcomesThanThePublishBringsAhead() {
        StagedOutcomes most = new StagedOutcomes();
        StagedOutcomes more = new StagedOutcomes();
        // a rejected row and a clean one by turns: an outcome each
        IntStream.rangeClosed(1, OutcomesAhead.MOST).forEach(ordinal -> {
            StagedRow row = ordinal % 2 == 1 ? rejected(ordinal, "Data", ordinal + 1) : clean(ordinal, "Data", ordinal + 1);
            most.add(row);
            more.add(row);
        });
        more.add(rejected(OutcomesAhead.MOST + 1, "Data", OutcomesAhead.MOST + 2));

        assertThat(most.told()).isTrue();
        assertThat(most.singles().size() + most.runs().size()).isEqualTo(OutcomesAhead.MOST);
        assertThat(more.told()).isFalse();
    }

    private static StagedRow clean(int ordinal, String sheet, int rowNumber) {
        return row(ordinal, sheet, rowNumber, false, StagedRow.NO_FINDINGS);
    }

    private static StagedRow warned(int ordinal, String sheet, int rowNumber) {
        return row(ordinal, sheet, rowNumber, false, WARNED);
    }

    private static StagedRow rejected(int ordinal, String sheet, int rowNumber) {
        return row(ordinal, sheet, rowNumber, true, MISSING);
    }

    private static StagedRow row(int ordinal, String sheet, int rowNumber, boolean rejected, String findings) {
        return new StagedRow(1, ordinal, sheet, rowNumber, rejected, null, null, null, null, null, findings);
    }
}
