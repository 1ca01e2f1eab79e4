package org.gugus.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;

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
}
