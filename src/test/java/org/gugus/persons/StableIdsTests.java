package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StableIdsTests {

    @Test
    void newRecordsMakeANewPerson() {
        List<StableIds.Outcome> outcomes = StableIds.assign(List.of(Set.of(1L, 2L)), Map.of());

        assertThat(outcomes.get(0).keptId()).isNull();
        assertThat(outcomes.get(0).merged()).isEmpty();
        assertThat(outcomes.get(0).splitFrom()).isEmpty();
    }

    @Test
    void aRecordJoiningAPersonTakesHerId() {
        List<StableIds.Outcome> outcomes = StableIds.assign(List.of(Set.of(1L, 2L, 9L)), Map.of(1L, 40L, 2L, 40L));

        assertThat(outcomes.get(0).keptId()).isEqualTo(40L);
    }

    @Test
    void aMergeKeepsTheOlderIdAndMergesTheOther() {
        List<StableIds.Outcome> outcomes = StableIds.assign(List.of(Set.of(1L, 2L, 3L)), Map.of(1L, 70L, 2L, 41L, 3L, 70L));

        assertThat(outcomes.get(0).keptId()).isEqualTo(41L);
        assertThat(outcomes.get(0).merged()).containsExactly(70L);
    }

    @Test
    void aSplitLeavesTheIdWithTheClusterOfTheOldestRecord() {
        List<StableIds.Outcome> outcomes = StableIds.assign(List.of(Set.of(5L), Set.of(2L, 7L)),
                Map.of(2L, 30L, 5L, 30L, 7L, 30L));

        assertThat(outcomes.get(1).keptId()).isEqualTo(30L);
        assertThat(outcomes.get(1).splitFrom()).isEmpty();
        assertThat(outcomes.get(0).keptId()).isNull();
        assertThat(outcomes.get(0).splitFrom()).containsExactly(30L);
    }

    @Test
    void aPartSplitOffIntoAnotherPersonIsRecordedAsSplitIntoHer() {
        List<StableIds.Outcome> outcomes = StableIds.assign(List.of(Set.of(1L, 6L), Set.of(3L)),
                Map.of(1L, 10L, 3L, 20L, 6L, 20L));

        assertThat(outcomes.get(0).keptId()).isEqualTo(10L);
        assertThat(outcomes.get(0).splitFrom()).containsExactly(20L);
        assertThat(outcomes.get(1).keptId()).isEqualTo(20L);
    }
}
