package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.gugus.warehouse.VictimContinuation.Victim;
import org.junit.jupiter.api.Test;

class VictimContinuationTests {

    private static final LocalDate BORN = LocalDate.of(2007, 3, 14);
    private static final String NIK = "6472015403070001";

    @Test
    void aNikAddedToTheSameNameContinuesTheRecord() {
        assertThat(VictimContinuation.continues(new Victim("Siti Aminah", NIK, BORN, 17),
                new Victim("SITI  AMINAH", null, BORN, 17))).isTrue();
        assertThat(VictimContinuation.continues(new Victim("Siti Aminah", NIK, BORN, 17),
                new Victim("Siti Aminah", null, null, 17))).isTrue();
    }

    @Test
    void aNikAddedToAnotherNameIsAnotherVictim() {
        assertThat(VictimContinuation.continues(new Victim("Siti Aminah", NIK, BORN, 17),
                new Victim("Siti Rahmah", null, BORN, 17))).isFalse();
    }

    @Test
    void aNikAddedWithAnotherBirthDateIsAnotherVictim() {
        assertThat(VictimContinuation.continues(new Victim("Siti Aminah", NIK, BORN, 17),
                new Victim("Siti Aminah", null, BORN.plusYears(2), 15))).isFalse();
    }

    @Test
    void aNikCorrectedByOneDigitContinuesTheRecord() {
        assertThat(VictimContinuation.continues(new Victim("Siti Aminah", NIK, BORN, 17),
                new Victim("Siti Aminah", "6472015403070007", BORN, 17))).isTrue();
        assertThat(VictimContinuation.continues(new Victim("Siti Aminah", NIK, BORN, 17),
                new Victim("Siti Aminah", "6472990101990099", BORN, 17))).isFalse();
    }

    @Test
    void aNameCorrectedWithTheSameBirthDateContinuesTheRecord() {
        assertThat(VictimContinuation.continues(new Victim("Sity Aminah", null, BORN, null),
                new Victim("Siti Aminah", null, BORN, null))).isTrue();
        assertThat(VictimContinuation.continues(new Victim("Siti Aminah binti Usman", null, BORN, null),
                new Victim("Siti Aminah", null, BORN, null))).isTrue();
    }

    @Test
    void aTwinWithTheSameBirthDateAndAnotherGivenNameIsAnotherVictim() {
        assertThat(VictimContinuation.continues(new Victim("Nurul Hidayah", null, BORN, null),
                new Victim("Nurul Hasanah", null, BORN, null))).isFalse();
    }

    @Test
    void aNameCorrectedWithoutBirthDateNeedsTheSameAge() {
        assertThat(VictimContinuation.continues(new Victim("Sity Aminah", null, null, 16),
                new Victim("Siti Aminah", null, null, 16))).isTrue();
        assertThat(VictimContinuation.continues(new Victim("Sity Aminah", null, null, 16),
                new Victim("Siti Aminah", null, null, 19))).isFalse();
        assertThat(VictimContinuation.continues(new Victim("Sity Aminah", null, null, null),
                new Victim("Siti Aminah", null, null, null))).isFalse();
    }

    @Test
    void aRecordWithANikIsNotContinuedByARowWithout() {
        assertThat(VictimContinuation.continues(new Victim("Siti Aminah", null, BORN, 17),
                new Victim("Siti Aminah", NIK, BORN, 17))).isFalse();
    }
}
