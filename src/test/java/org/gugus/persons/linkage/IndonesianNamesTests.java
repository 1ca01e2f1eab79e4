package org.gugus.persons.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IndonesianNamesTests {

    @Test
    void theRunsOfLettersAreTheNonEmptyPartsOfASplitByEveryOtherCharacter() {
        for (String text : new String[] {"", " ", "SITI", " SITI  AMINAH-2 ", "JL. MERDEKA NO.12 RT 03/RW 04", "É.ANA",
                "..A", "A..", "12AB34", "MUH'AMMAD`S"}) {
            assertThat(IndonesianNames.runs(text, false)).as(text).isEqualTo(Arrays.stream(text.split("[^A-Z]+"))
                    .filter(part -> !part.isEmpty()).toList());
            assertThat(IndonesianNames.runs(text, true)).as(text).isEqualTo(Arrays.stream(text.split("[^A-Z0-9]+"))
                    .filter(part -> !part.isEmpty()).toList());
        }
    }

    @Test
    void dropsTitlesPunctuationAndThePatronymicMarker() {
        assertThat(IndonesianNames.normalise("Hj. Siti Aminah binti H. Abdullah, S.Pd."))
                .isEqualTo("SITI AMINA ABDULA");
        assertThat(IndonesianNames.normalise("Ahmad bin Yusuf")).isEqualTo("AHMAD YUSUF");
        assertThat(IndonesianNames.normalise("FATIMAH BT. RAMLI")).isEqualTo(IndonesianNames.normalise("Fatimah binti Ramli"));
    }

    @Test
    void writesOutTheAbbreviationsOfCommonNameParts() {
        assertThat(IndonesianNames.normalise("St. Rohani")).isEqualTo(IndonesianNames.normalise("Siti Rohani"));
        assertThat(IndonesianNames.normalise("Sitti Rohani")).isEqualTo(IndonesianNames.normalise("Siti Rohani"));
        assertThat(IndonesianNames.normalise("Moh. Rizki")).isEqualTo("MUHAMAD RIZKI");
        assertThat(IndonesianNames.normalise("Muh. Rizki")).isEqualTo(IndonesianNames.normalise("Mochammad Rizki"));
        assertThat(IndonesianNames.normalise("Abd. Karim")).isEqualTo(IndonesianNames.normalise("Abdul Karim"));
        assertThat(IndonesianNames.normalise("Noor Hayati")).isEqualTo(IndonesianNames.normalise("Nurul Hayati"));
    }

    @Test
    void bringsOldSpellingsDoubledLettersAndAFinalHToOneForm() {
        assertThat(IndonesianNames.normalise("Djoko Soetjipto")).isEqualTo("JOKO SUCIPTO");
        assertThat(IndonesianNames.normalise("Chairul Sjahrir")).isEqualTo(IndonesianNames.normalise("Khairul Syahrir"));
        assertThat(IndonesianNames.normalise("Jamalluddin")).isEqualTo(IndonesianNames.normalise("Jamaludin"));
        assertThat(IndonesianNames.normalise("Fatimah")).isEqualTo(IndonesianNames.normalise("FATIMA"));
    }

    @Test
    void givesNoTokensForABlankName() {
        assertThat(IndonesianNames.tokens(null)).isEmpty();
        assertThat(IndonesianNames.tokens(" - ")).isEmpty();
    }

    @Test
    void takesPlaceholdersForNoName() {
        for (String placeholder : new String[] {"Korban 1", "KORBAN 12", "Anak 1", "anak ke-2", "NN", "N.N.", "Tanpa Nama",
                "X", "Mr. X", "A.S.", "R", "Tidak Diketahui", "Bayi Perempuan", "-", "Korban TPPO 7"}) {
            assertThat(IndonesianNames.tokens(placeholder)).as(placeholder).isEmpty();
            assertThat(IndonesianNames.isPlaceholder(placeholder)).as(placeholder).isTrue();
        }
    }

    @Test
    void keepsPlaceholderWordsInARealName() {
        assertThat(IndonesianNames.normalise("Anak Agung Ayu Putri")).isEqualTo("ANAK AGUNG AYU PUTRI");
        assertThat(IndonesianNames.normalise("M. Rizki")).isEqualTo("MUHAMAD RIZKI");
        assertThat(IndonesianNames.isPlaceholder("Siti")).isFalse();
    }

    @Test
    void readsTheNumbersOfANameApart() {
        assertThat(IndonesianNames.normalise("Siti Aminah 2")).isEqualTo(IndonesianNames.normalise("Siti Aminah"));
        assertThat(IndonesianNames.number("Siti Aminah 02")).isEqualTo("2");
        assertThat(IndonesianNames.number("Siti Aminah")).isNull();
    }

    @Test
    void givesNamesThatSoundAlikeOnePhoneticKey() {
        assertThat(IndonesianNames.phonetic("FATIMA")).isEqualTo(IndonesianNames.phonetic("PATIMA")).isEqualTo("PTM");
        assertThat(IndonesianNames.phonetic("YUSUF")).isEqualTo(IndonesianNames.phonetic("JUSUP"));
        assertThat(IndonesianNames.phonetic("ZAINAB")).isEqualTo(IndonesianNames.phonetic("JAINAB"));
        assertThat(IndonesianNames.phonetic("AMINA")).isNotEqualTo(IndonesianNames.phonetic("FATIMA"));
    }
}
