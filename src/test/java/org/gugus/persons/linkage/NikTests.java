package org.gugus.persons.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NikTests {

    private static final String NIK = "6472034507900003";

    @Test
    void oneDigitWrongOrTwoNeighboursSwappedIsATypingErrorNotAnotherPerson() {
        assertThat(Nik.conflict(NIK, "6472034507900004")).as("one digit wrong").isFalse();
        assertThat(Nik.conflict(NIK, "6472034507900030")).as("the last two swapped").isFalse();
        assertThat(Nik.conflict(NIK, "4672034507900003")).as("the first two swapped").isFalse();
        assertThat(Nik.conflict(NIK, NIK)).isFalse();
    }

    @Test
    void twoOrMoreDigitsOffOtherwiseAreAnotherPersonsNik() {
        assertThat(Nik.conflict(NIK, "6472034507900015")).as("two digits, not neighbours swapped").isTrue();
        assertThat(Nik.conflict(NIK, "6472034507901234")).as("three digits").isTrue();
        assertThat(Nik.conflict(NIK, "6471124508910103")).as("digits off all along").isTrue();
        assertThat(Nik.conflict(NIK, "6472034507900300")).as("two digits apart, not a swap").isTrue();
    }

    @Test
    void packedDigitsTellATypingErrorFromAnotherPersonsNikAsTheDigitsThemselvesDo() {
        Random random = new Random(13);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                others.add(NIK.substring(0, i) + digit + NIK.substring(i + 1)); // one digit wrong (or none)
            }
            if (i < 15) {
                others.add(NIK.substring(0, i) + NIK.charAt(i + 1) + NIK.charAt(i) + NIK.substring(i + 2)); // swapped
            }
            for (int j = i + 1; j < 16; j++) {
                char[] two = NIK.toCharArray();
                two[i] = two[i] == '9' ? '1' : (char) (two[i] + 1);
                two[j] = two[j] == '9' ? '1' : (char) (two[j] + 1);
                others.add(new String(two)); // two digits wrong, neighbours or not
                char[] crossed = NIK.toCharArray();
                crossed[i] = NIK.charAt(j);
                crossed[j] = NIK.charAt(i);
                others.add(new String(crossed)); // two digits swapped, neighbours or not
            }
        }
        for (int k = 0; k < 2_000; k++) {
            others.add(Long.toString(1_000_000_000_000_000L + (long) (random.nextDouble() * 8_999_999_999_999_999L)));
        }
        for (String other : others) {
            assertThat(Nik.conflict(Nik.packed(NIK), Nik.packed(other))).as(other).isEqualTo(Nik.conflict(NIK, other));
            assertThat(Nik.conflict(Nik.packed(other), Nik.packed(NIK))).as(other).isEqualTo(Nik.conflict(other, NIK));
        }
        assertThat(Nik.packed(null)).as("no valid NIK").isZero();
        assertThat(Nik.packed("9999999999999998")).as("the largest valid NIK fits").isNotZero();
    }
}
