package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.gugus.persons.linkage.Linkage;
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

    @Test
    void hashesEachRecordAsTheJoinedTextOfItsFieldsWasHashedSoThatStoredHashesStillHold() {
        // the hashes stored by earlier versions: the prefix and every field's text (a null as U+0000), each followed
        // by U+001F, joined into one text and hashed
        String prefix = "salt:" + Linkage.keyHash(LinkageSettings.defaults() + "|" + LinkageModel.initial()) + ':';
        List<VictimReport> reports = List.of(report(1, "Jl. Contoh No. 1", null), report(2, null, 43),
                report(3, "", 0), report(4, "Gg. Ümit 😀 \ud800", 19), report(5, "\udc00 RT 3", null),
                new VictimReport(6, null, null, null, null, null, null, null, null, null, null, null, null, null),
                new VictimReport(7, "64.72", "TPPO/7", "محمد ÉLODIE", "123", "L", LocalDate.of(2001, 12, 31), -1,
                        LocalDate.of(2024, 1, 1), "Tenggarong\ud800", "64.02", null, "64.02.01.2001", "X"));
        for (VictimReport report : reports) {
            StringBuilder text = new StringBuilder(prefix);
            for (Object field : new Object[] {report.officeCode(), report.caseNumber(), report.name(), report.nik(),
                    report.sex(), report.birthDate(), report.age(), report.reportDate(), report.birthPlace(),
                    report.originRegencyCode(), report.originDistrictCode(), report.originVillageCode(), report.address()}) {
                text.append(field == null ? "\u0000" : field.toString()).append('\u001f');
            }
            assertThat(hashes.of(report)).as("record %d", report.victimId()).isEqualTo(Linkage.keyHash(text.toString()));
        }
    }
}
