package org.gugus.intake.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gugus.workbook.CellValue;
import org.junit.jupiter.api.Test;

class NikReadingTests {

    @Test
    void readsEveryTextAsTheIgnoredCharactersAndScientificExpressionsRead() {
        List<String> texts = new ArrayList<>(List.of(TestRows.NIK, "6472 0145 0790 0001", "6472.0145.0790.0001",
                "6472-0145-0790-0001", "'6472014507900001", "6472\u00a00145\t0790\n0001", "6472\u000b0145\f0790\r0001",
                "6472\u20070145\u30000790_0001", "6.47201E+15", "6,47201e15", "6.47201E 15", "6472014507900001e",
                "E", "Tidak punya KTP", "647201450790000", "64720145079000011", "-", "6472014507900001."));
        Random random = new Random(13);
        char[] pool = "0123456789 .-_'eE+,\u00a0\t\n\u000b\f\r\u2007\u3000x".toCharArray();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = 1 + random.nextInt(24); length > 0; length--) {
                text.append(random.nextInt(3) == 0 ? pool[random.nextInt(pool.length)] : (char) ('0' + random.nextInt(10)));
            }
            texts.add(text.toString());
        }

        for (String text : texts) {
            assertThat(NikReading.read(CellValue.text(text), TestRows.TEMPLATE)).as(text).isEqualTo(asTheExpressionsRead(text));
        }
    }

    /** A text cell's reading as the expressions alone gave it (before NIKs without them skipped them). */
    private static NikReading asTheExpressionsRead(String written) {
        if (TestRows.TEMPLATE.isBlank(CellValue.text(written))) {
            return new NikReading.Blank();
        }
        String text = written.strip();
        if (text.startsWith("'")) {
            text = text.substring(1);
        }
        if (NikReading.SCIENTIFIC.matcher(text.replace(" ", "")).matches()) {
            return new NikReading.Invalid(NikReading.Problem.SCIENTIFIC_NOTATION, "");
        }
        String digits = NikReading.IGNORED.matcher(text).replaceAll("");
        return Nik.isSixteenDigits(digits) ? new NikReading.Valid(new Nik(digits))
                : new NikReading.Invalid(NikReading.Problem.NOT_16_DIGITS, digits);
    }
}
