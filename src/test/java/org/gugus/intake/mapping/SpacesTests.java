package org.gugus.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SpacesTests {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    @Test
    void collapsesRunsOfSpacesTabsAndLineBreaksIntoOneSpace() {
        assertThat(Spaces.collapsed("  Siti \t\r\n Aminah  ")).isEqualTo("Siti Aminah");
        assertThat(Spaces.collapsed("Siti Aminah")).isEqualTo("Siti Aminah");
        assertThat(Spaces.collapsed("")).isEmpty();
    }

    @Test
    void takesNoBreakSpacesAsSpacesOnlyWhenAsked() {
        assertThat(Spaces.collapsed("Siti\u00a0 Aminah")).isEqualTo("Siti\u00a0 Aminah");
        assertThat(Spaces.collapsedWithNoBreak("\u00a0Siti\u00a0 Aminah\u00a0")).isEqualTo("Siti Aminah");
    }

    @Test
    void givesWhatTheRegularExpressionGaveForAnyText() {
        char[] alphabet = {'a', 'Z', '1', ' ', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u00a0', '\u2003', '\u001c', '.'};
        Random random = new Random(13);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String written = text.toString();
            assertThat(Spaces.collapsed(written)).as("%s", written)
                    .isEqualTo(SPACES.matcher(written.strip()).replaceAll(" "));
            assertThat(Spaces.collapsedWithNoBreak(written)).as("%s", written)
                    .isEqualTo(SPACES.matcher(written.replace('\u00a0', ' ').strip()).replaceAll(" "));
        }
    }
}
