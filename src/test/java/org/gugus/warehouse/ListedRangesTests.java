package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListedRangesTests {

    private final List<String> given = new ArrayList<>();
    private final ListedRanges.Pending pending = (id, version) -> given.add(id + "@" + version);

    @Test
    void givesTheRangesRecordsAndTheRowsInIdOrderEachAtItsLatestVersionUnlessResolvedAtIt() {
        ListedRanges ranges = new ListedRanges(
                List.of(new ListedRanges.Range(5, 8, 1), new ListedRanges.Range(20, 21, 1)),
                List.of(new long[] {8, 1}, new long[] {21, 2}));

        ranges.listed(3, 2, null, pending);
        ranges.listed(6, 2, 1, pending);
        ranges.listed(7, 2, 2, pending);
        ranges.listed(30, 1, null, pending);
        ranges.rest(pending);

        assertThat(given).containsExactly("3@2", "5@1", "6@2", "20@1", "21@1", "30@1");
    }

    @Test
    void givesEveryRecordOfTheRangesWhenNoneIsListedOneByOne() {
        ListedRanges ranges = new ListedRanges(
                List.of(new ListedRanges.Range(1, 2, 1), new ListedRanges.Range(4, 4, 3)), List.of());

        ranges.rest(pending);

        assertThat(given).containsExactly("1@1", "2@1", "4@3");
    }

    @Test
    void givesTheRowsAloneWhenNoRangeIsListed() {
        ListedRanges ranges = new ListedRanges(List.of(), List.of());

        ranges.listed(9, 4, 3, pending);
        ranges.listed(10, 1, 1, pending);
        ranges.rest(pending);

        assertThat(given).containsExactly("9@4");
    }
}
