package org.gugus.persons.linkage;

import static org.assertj.core.api.Assertions.assertThat;

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
}
