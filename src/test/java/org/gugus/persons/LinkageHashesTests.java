package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.gugus.persons.linkage.LinkageModel;
import org.gugus.persons.linkage.LinkageSettings;
import org.gugus.persons.linkage.VictimReport;
import org.junit.jupiter.api.Test;

class LinkageHashesTests {

    private final LinkageHashes hashes = new LinkageHashes(LinkageSettings.defaults(), LinkageModel.initial(), "salt");

    private static VictimReport report(long id, String address, Integer age) {
        return new VictimReport(id, "64.72", "TPPO/0001", "Sri Wahyuni", "6472014202810001", "P",
                LocalDate.of(1981, 2, 2), age, LocalDate.of(2024, 6, 5), "Samarinda", "64.72", "64.72.01", null, address);
    }

    @Test
    void theSameComparedFieldsHashAlikeWhateverTheRecordsId() {
        assertThat(hashes.of(report(1, "Jl. Contoh No. 1", null))).isEqualTo(hashes.of(report(2, "Jl. Contoh No. 1", null)));
    }

    @Test
    void anyComparedFieldChangedChangesTheHashAndAnEmptyFieldIsNotAnEmptyText() {
        long before = hashes.of(report(1, "Jl. Contoh No. 1", null));

        assertThat(hashes.of(report(1, "Jl. Contoh No. 2", null))).isNotEqualTo(before);
        assertThat(hashes.of(report(1, "Jl. Contoh No. 1", 43))).isNotEqualTo(before);
        assertThat(hashes.of(report(1, null, null))).isNotEqualTo(hashes.of(report(1, "", null)));
    }

    @Test
    void anotherSaltOrModelOrSettingsGiveAnotherHash() {
        VictimReport report = report(1, "Jl. Contoh No. 1", null);
        long before = hashes.of(report);

        assertThat(new LinkageHashes(LinkageSettings.defaults(), LinkageModel.initial(), "other").of(report))
                .isNotEqualTo(before);
        assertThat(new LinkageHashes(LinkageSettings.defaults().withMaxReviewPairs(10), LinkageModel.initial(), "salt")
                .of(report)).isNotEqualTo(before);
        LinkageModel initial = LinkageModel.initial();
        LinkageModel other = new LinkageModel(initial.priorWeight() + 1, initial.levels());
        assertThat(new LinkageHashes(LinkageSettings.defaults(), other, "salt").of(report)).isNotEqualTo(before);
    }
}
