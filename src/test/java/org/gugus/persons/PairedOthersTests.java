package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gugus.persons.linkage.BlockScoring;
import org.gugus.persons.linkage.Linkage;
import org.gugus.persons.linkage.LinkageSettings;
import org.gugus.persons.linkage.PreparedRecords;
import org.gugus.persons.linkage.VictimReport;
import org.junit.jupiter.api.Test;

class PairedOthersTests {

    private final Linkage linkage = new Linkage(LinkageSettings.defaults());

    private static VictimReport report(long id) {
        return new VictimReport(id, "64.72", "TPPO/0001", "Sri Wahyuni", null, "P", LocalDate.of(1981, 2, 2), null,
                LocalDate.of(2024, 6, 5), "Samarinda", "64.72", "64.72.01", null, "Jl. Contoh No. 1");
    }

    private static BlockScoring.Spilled pair(long a, long b) {
        return new BlockScoring.Spilled(a, b, 1.0, 0.9, false);
    }

    @Test
    void theScopeHoldsTheRunsRecordsAndThePairedRecordsItDoesNotHoldEachOnceInAscendingOrder() {
        try (PreparedRecords held = linkage.preparedRecords()) {
            held.add(List.of(report(10), report(20), report(30)), Linkage.keyHashAfter("salt:"));
            PairedOthers others = new PairedOthers(held);
            others.note(List.of(pair(10, 20), pair(5, 10), pair(20, 25)));
            others.note(List.of(pair(5, 30), pair(30, 40), pair(20, 25)));

            long[] paired = others.ascending();
            List<Long> scope = new ArrayList<>();
            others.forEachInScope(paired, scope::add);

            assertThat(paired).containsExactly(5, 25, 40);
            assertThat(scope).containsExactly(5L, 10L, 20L, 25L, 30L, 40L);
        }
    }

    @Test
    void aRunWhosePairsHoldOnlyItsOwnRecordsHasThemAloneInScope() {
        try (PreparedRecords held = linkage.preparedRecords()) {
            held.add(List.of(report(1), report(2)), Linkage.keyHashAfter("salt:"));
            PairedOthers others = new PairedOthers(held);
            others.note(List.of(pair(1, 2)));

            List<Long> scope = new ArrayList<>();
            others.forEachInScope(others.ascending(), scope::add);

            assertThat(others.ascending()).isEmpty();
            assertThat(scope).containsExactly(1L, 2L);
        }
    }
}
