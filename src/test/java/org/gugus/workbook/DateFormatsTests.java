package org.gugus.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DateFormatsTests {

    @Test
    void asksForEachStylesFormatOnceAndKeepsItsAnswer() {
        DateFormats formats = new DateFormats();
        List<Integer> asked = new ArrayList<>();
        int[] styles = { 0, 3, 3, 70_000, -2, 200, 0, 70_000, -2, 200, 65_535, 65_536 };
        for (int round = 0; round < 3; round++) {
            for (int style : styles) {
                boolean date = formats.isDate(style, index -> {
                    asked.add(index);
                    return index == 3 || index == 70_000 || index == 65_535
                            ? new DateFormats.NumberFormat(14, "m/d/yy")
                            : new DateFormats.NumberFormat(0, "General");
                });
                assertThat(date).as("style %d", style).isEqualTo(style == 3 || style == 70_000 || style == 65_535);
                assertThat(formats.known(style)).isEqualTo(date);
            }
        }
        assertThat(asked).containsExactly(0, 3, 70_000, -2, 200, 65_535, 65_536);
        assertThat(formats.known(4)).isNull();
        assertThat(formats.known(-1)).isNull();
    }

    @Test
    void takesAStyleWhoseFormatCannotBeReadForANumber() {
        DateFormats formats = new DateFormats();

        assertThat(formats.isDate(9, index -> {
            throw new IllegalStateException("no such style");
        })).isFalse();
        assertThat(formats.isDate(10, index -> null)).isFalse();
        assertThat(formats.known(9)).isFalse();
    }
}
