package org.gugus.persons.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PreparedTests {

    @Test
    void preparesNameTokensPhoneticKeysAndAddressTokensAsTheirDefinitionsSay() {
        List<VictimReport> reports = new ArrayList<>(new SyntheticVictims(11).generate(2_000).reports());
        reports.add(Report.id(100_001).name("Siti Siti Nur  nur 2").address("Jl. Merdeka No. 0012 RT 03 Gg. Merdeka 12")
                .build());
        reports.add(Report.id(100_002).name("Élodie محمد 😀").address("٣٤ Jalan 1234567890123 ds. ").build());
        reports.add(Report.id(100_003).build());
        for (VictimReport report : reports) {
            Prepared prepared = new Prepared(report);
            // the definitions, written as the streams they were
            List<String> names = IndonesianNames.tokens(report.name());
            String as = "record " + report.victimId();
            assertThat(prepared.tokens).as(as).containsExactlyElementsOf(names);
            assertThat(prepared.sortedTokens).as(as).containsExactlyElementsOf(names.stream().distinct().sorted().toList());
            assertThat(prepared.sortedTokenLetters).as(as).containsExactly(Arrays.stream(prepared.sortedTokens)
                    .mapToInt(JaroWinkler::letters).toArray());
            assertThat(prepared.phonetic).as(as)
                    .containsExactlyElementsOf(names.stream().map(IndonesianNames::phonetic).distinct().toList());
            assertThat(prepared.name).as(as).isEqualTo(String.join(" ", names));
            assertThat(prepared.compact).as(as).isEqualTo(String.join("", names));
            List<String> address = report.address() == null ? List.of()
                    : IndonesianNames.runs(report.address().toUpperCase(Locale.ROOT), true).stream()
                            .filter(t -> !List.of("JL", "JLN", "JALAN", "GG", "GANG", "NO", "NOMOR", "RT", "RW", "DESA",
                                    "DS", "KEL", "KELURAHAN", "KEC", "KECAMATAN", "KAB", "KABUPATEN", "KOTA", "DUSUN",
                                    "DSN", "BLOK", "KM", "PROV", "PROVINSI").contains(t))
                            .map(t -> t.chars().allMatch(Character::isDigit) ? String.valueOf(Integer.parseInt(
                                    t.length() > 9 ? t.substring(0, 9) : t)) : IndonesianNames.spelling(t))
                            .distinct().sorted().toList();
            assertThat(prepared.addressTokens).as(as).containsExactlyElementsOf(address);
        }
    }

    @Test
    void preparesARecordFromStringsKeptForItsBatchAsFromItsOwnAndSharesEachTokenAndKeyBetweenRecords() {
        List<VictimReport> reports = new ArrayList<>(new SyntheticVictims(17).generate(1_000).reports());
        reports.add(Report.id(100_001).name("St. Noor Djannah binti Moh. Tjahjo").build());
        reports.add(Report.id(100_002).name("Siti Nur Jannah").build());
        reports.add(Report.id(100_003).name("Élodie محمد 😀").build());
        SharedStrings shared = new SharedStrings();
        for (VictimReport report : reports) {
            Prepared own = new Prepared(report);
            Prepared kept = new Prepared(report, shared);
            String as = "record " + report.victimId();
            assertThat(kept.tokens).as(as).containsExactly(own.tokens);
            assertThat(kept.sortedTokens).as(as).containsExactly(own.sortedTokens);
            assertThat(kept.sortedTokenLetters).as(as).containsExactly(own.sortedTokenLetters);
            assertThat(kept.phonetic).as(as).containsExactly(own.phonetic);
            assertThat(kept.name).as(as).isEqualTo(own.name);
            assertThat(kept.compact).as(as).isEqualTo(own.compact);
            assertThat(kept.nameNumber).as(as).isEqualTo(own.nameNumber);
            assertThat(kept.addressTokens).as(as).containsExactly(own.addressTokens);
        }
        // the old spellings and abbreviations of one name and the current ones: the same token and key objects
        Prepared old = new Prepared(reports.get(reports.size() - 3), shared);
        Prepared current = new Prepared(reports.get(reports.size() - 2), shared);
        assertThat(old.tokens).startsWith("SITI", "NUR", "JANA");
        for (int i = 0; i < 3; i++) {
            assertThat(old.tokens[i]).isSameAs(current.tokens[i]);
        }
        assertThat(old.phonetic[0]).isSameAs(current.phonetic[0]);
    }
}
