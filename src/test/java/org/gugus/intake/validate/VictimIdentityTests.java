package org.gugus.intake.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gugus.intake.validate.TestRows.valid;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.gugus.intake.mapping.Field;
import org.junit.jupiter.api.Test;

class VictimIdentityTests {

    @Test
    void identifiesTheVictimByNik() {
        VictimIdentity identity = VictimIdentity.of(valid().validate().caseRow());
        assertThat(identity.caseNumber()).isEqualTo("012/UPTD PPA/2024");
        assertThat(identity.victim()).isEqualTo("NIK:" + TestRows.NIK);
        assertThat(identity.key()).isEqualTo("012/UPTD PPA/2024|NIK:" + TestRows.NIK);
        assertThat(identity.personKey()).isEqualTo("NIK:" + TestRows.NIK);
    }

    @Test
    void normalisesTheCaseNumber() {
        assertThat(VictimIdentity.caseNumber("  012 / uptd   ppa/2024 ")).isEqualTo("012 / UPTD PPA/2024");
        CaseRow written = valid().text(Field.CASE_NUMBER, "012/UPTD  PPA/2024").validate().caseRow();
        CaseRow rewritten = valid().text(Field.CASE_NUMBER, " 012/uptd ppa/2024").validate().caseRow();
        assertThat(VictimIdentity.of(written)).isEqualTo(VictimIdentity.of(rewritten));
    }

    @Test
    void normalisesTheCaseNumberAsTheRegularExpressionOfWhiteSpaceDid() {
        Pattern spaces = Pattern.compile("\\s+");
        Random random = new Random(13);
        char[] alphabet = {'a', 'Z', '0', '/', '-', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u00A0', '\u2003', '\u3000'};
        for (int i = 0; i < 5_000; i++) {
            char[] text = new char[random.nextInt(12)];
            for (int c = 0; c < text.length; c++) {
                text[c] = alphabet[random.nextInt(alphabet.length)];
            }
            String written = new String(text);
            assertThat(VictimIdentity.caseNumber(written)).as(written)
                    .isEqualTo(spaces.matcher(written.strip()).replaceAll(" ").toUpperCase(Locale.ROOT));
        }
    }

    @Test
    void identifiesAVictimWithoutNikByNameAndBirthDate() {
        CaseRow row = valid().blank(Field.NIK).text(Field.VICTIM_NAME, "  Siti   Ma'ruf, S.Pd. ").validate().caseRow();
        assertThat(VictimIdentity.of(row).victim()).isEqualTo("NAME:SITI MARUF S PD|BORN:1990-07-05");

        CaseRow sameName = valid().blank(Field.NIK).text(Field.VICTIM_NAME, "SITI MARUF S.PD").validate().caseRow();
        assertThat(VictimIdentity.of(sameName).personKey()).isEqualTo(VictimIdentity.of(row).personKey());
    }

    @Test
    void identifiesAVictimWithoutNikOrBirthDateByNameAndAge() {
        CaseRow row = valid().blank(Field.NIK).blank(Field.BIRTH_DATE).text(Field.AGE, "17 th")
                .text(Field.VICTIM_NAME, "Nur Aini").validate().caseRow();
        assertThat(VictimIdentity.of(row).key()).isEqualTo("012/UPTD PPA/2024|NAME:NUR AINI|AGE:17");
    }

    @Test
    void dropsAccentsFromNames() {
        assertThat(VictimIdentity.name("José  Ramos-Horta")).isEqualTo("JOSE RAMOS HORTA");
    }
}
