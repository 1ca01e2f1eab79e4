package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.gugus.persons.linkage.VictimReport;
import org.junit.jupiter.api.Test;

class LinkageDigestsTests {

    private static VictimReport report(String name, String nik, String address, LocalDate birthDate) {
        return new VictimReport(0, "64.72", "TPPO/1", name, nik, "P", birthDate, 20, LocalDate.of(2024, 6, 5), null,
                "64.72", null, null, address);
    }

    @Test
    void tellsApartAValueMovedToTheNextFieldANullFromAnEmptyTextAndTextsSplitOtherwise() {
        assertThat(LinkageDigests.digest(report("Ayu", null, null, null)))
                .isNotEqualTo(LinkageDigests.digest(report(null, "Ayu", null, null)));
        assertThat(LinkageDigests.digest(report("Ayu", null, "", null)))
                .isNotEqualTo(LinkageDigests.digest(report("Ayu", null, null, null)));
        assertThat(LinkageDigests.digest(report("Ayu", "1", null, null)))
                .isNotEqualTo(LinkageDigests.digest(report("Ayu1", "", null, null)));
    }

    @Test
    void givesNoDigestForADateTheServerWritesOtherwise() {
        assertThat(LinkageDigests.digest(report("Ayu", null, null, LocalDate.of(10_000, 1, 1)))).isNull();
        assertThat(LinkageDigests.digest(report("Ayu", null, null, LocalDate.of(0, 1, 1)))).isNull();
        assertThat(LinkageDigests.digest(report("Ayu", null, null, LocalDate.of(999, 1, 1)))).hasSize(16);
    }

    @Test
    void givesTheValuesHeldForADigestUnderTheRecordsIdAndNoneForAnotherDigestOrOneNotReachedBeforeTheStop() {
        VictimReport held = report("Ñoñi Sétiawati", "6472014101900001", null, LocalDate.of(1990, 1, 1));
        LinkageDigests digests = LinkageDigests.of(List.of(held, held), () -> false);

        assertThat(digests.size()).isEqualTo(1);
        assertThat(digests.report(7, LinkageDigests.digest(held))).isEqualTo(new VictimReport(7, held.officeCode(),
                held.caseNumber(), held.name(), held.nik(), held.sex(), held.birthDate(), held.age(), held.reportDate(),
                held.birthPlace(), held.originRegencyCode(), held.originDistrictCode(), held.originVillageCode(),
                held.address()));
        assertThat(digests.report(7, LinkageDigests.digest(report("Ñoñi Setiawati", null, null, null)))).isNull();
        VictimReport other = report("Siti Aminah", null, null, null);
        int[] asked = {0};
        LinkageDigests stopped = LinkageDigests.of(Stream.concat(
                Collections.nCopies(4_096, held).stream(), Stream.of(other)).toList(),
                () -> asked[0]++ > 0);
        assertThat(stopped.report(7, LinkageDigests.digest(held))).as("digested before the stop").isNotNull();
        assertThat(stopped.report(7, LinkageDigests.digest(other))).as("after the stop").isNull();
    }

    @Test
    void findsEachOfManyDistinctValuesByItsOwnDigestAndNoneForADigestNotHeld() {
        List<VictimReport> reports = IntStream.range(0, 20_000)
                .mapToObj(i -> report("Korban " + i, null, "Jalan " + (i % 97), LocalDate.of(1990, 1, 1).plusDays(i % 400)))
                .toList();
        LinkageDigests digests = LinkageDigests.of(reports, () -> false);

        assertThat(digests.size()).isEqualTo(20_000);
        for (int i = 0; i < reports.size(); i += 7) {
            VictimReport held = reports.get(i);
            assertThat(digests.report(i + 1, LinkageDigests.digest(held))).isEqualTo(new VictimReport(i + 1,
                    held.officeCode(), held.caseNumber(), held.name(), held.nik(), held.sex(), held.birthDate(),
                    held.age(), held.reportDate(), held.birthPlace(), held.originRegencyCode(),
                    held.originDistrictCode(), held.originVillageCode(), held.address()));
        }
        assertThat(digests.report(1, LinkageDigests.digest(report("Korban 20000", null, null, null)))).isNull();
        assertThat(digests.report(1, new byte[16])).isNull();
        assertThat(digests.report(1, new byte[15])).isNull();
    }
}
