package org.gugus.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RowClassifierTests {

    /** What a running number was matched with before it was checked by hand. */
    private static final Pattern RUNNING_NUMBER = Pattern.compile("\\d{1,6}\\.?");

    @Test
    void takesOneToSixDigitsWithAnOptionalDotAsARunningNumberAsTheExpressionDid() {
        List<String> texts = List.of("1", "12.", " 7 ", "\u00a012", "123456", "123456.", "1234567", "", " ", ".", "12..",
                "1.2", "12a", "a12", "-1", "\u0661\u0662", "\uff11", "0", "000000.", "TPPO/000001", "1 2");

        for (String text : texts) {
            assertThat(RowClassifier.isRunningNumber(text)).as(text)
                    .isEqualTo(RUNNING_NUMBER.matcher(text.strip()).matches());
        }
    }
}
