package org.gugus.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatchKeyTests {

    @Test
    void keepsOnlyLowerCaseLettersAndDigitsOfAsciiText() {
        assertThat(MatchKey.of("Kab/Kota")).isEqualTo("kabkota");
        assertThat(MatchKey.of("kab. kota")).isEqualTo(MatchKey.of("Kab-Kota"));
        assertThat(MatchKey.of("Laki - Laki")).isEqualTo("lakilaki");
        assertThat(MatchKey.of("P-21")).isEqualTo("p21");
        assertThat(MatchKey.of(" - ")).isEmpty();
    }

    @Test
    void dropsAccentsOfOtherText() {
        assertThat(MatchKey.of("José")).isEqualTo("jose");
        assertThat(MatchKey.of("TENGGARONG\u00a0–\u00a0KUKAR")).isEqualTo("tenggarongkukar");
        assertThat(MatchKey.of("Ｐ２１")).isEqualTo("p21");
    }

    @Test
    void hashesTheKeyOfAnAsciiTextAsTheKeyItselfWouldHash() {
        for (String text : List.of("", " - ", "N/A", "Tidak  diketahui", "Siti Aminah", "05/06/2024", "P-21")) {
            assertThat(MatchKey.asciiKeyHash(text)).as(text).isEqualTo(MatchKey.of(text).hashCode());
        }
        assertThat(MatchKey.asciiKeyHash("José")).isNull();
    }

    @Test
    void tellsAnEmptyKeyOrOneOfTheGivenKeysAsBuildingTheKeyWould() {
        Set<String> blanks = Set.of("tidakdiketahui", "na", "nil");
        KeySet keys = new KeySet(blanks);
        for (String text : List.of("", " - ", "N/A", "n.a.", "Tidak  diketahui", "NIL", "Siti Aminah", "nihil", "na na",
                "–", "N\u00a0A", "Ｎ／Ａ", "ª", "Tidak diketahui sama sekali")) {
            String key = MatchKey.of(text);
            assertThat(keys.isEmptyOrHoldsKeyOf(text)).as(text).isEqualTo(key.isEmpty() || blanks.contains(key));
        }
    }
}
