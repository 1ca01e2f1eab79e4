package org.gugus.intake.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.gugus.intake.mapping.Field;
import org.gugus.intake.mapping.MappedRow;
import org.gugus.workbook.CellValue;
import org.junit.jupiter.api.Test;

/** Random values in every field: a row is always either rejected with a code or loaded as a CaseRow. */
class RowValidatorPropertyTests {

    private static final String[] FRAGMENTS = { "", " ", "-", "/", ".", ",", ";", "+", "\n", "\r\n", "dan", " dan ",
            "E+15", "e", "0", "1", "12", "29", "31", "45", "71", "2024", "1990", "6472014507900001", "6.47201E+15",
            "Maret", "Agt", "Des", "Senin,", "tahun", "bln", "WNA", "WNI", "Malaysia", "Dalam Negeri", "L", "P",
            "Seksual", "Kerja Paksa", "P-21", "Visum", "(", ")", "[", "]", "'", "\u00A0", "é", "\u0301", "\uD83D\uDE00",
            "\u0000", "Ï", "ß", "İ", "٣", "\t", "%", "\\", "*", "?", "Ω", "NaN", "-1", "1e309", "T10:00", "00:00:00" };

    private final RowValidator validator = new RowValidator(TestRows.TEMPLATE);

    @Test
    void neverThrowsAndEitherRejectsWithACodeOrReturnsACaseRow() {
        Random random = new Random(20240705);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            MappedRow row = randomRow(random, i % 4 == 0 ? TestRows.valid().mapped() : null);
            ValidatedRow[] result = new ValidatedRow[1];
            assertThatCode(() -> result[0] = validator.validate(row, TestRows.RECEIVED_ON)).as("row %s", row.values())
                    .doesNotThrowAnyException();
            ValidatedRow validated = result[0];
            boolean hasError = validated.findings().stream().anyMatch(finding -> finding.severity() == Severity.ERROR);
            assertThat(validated.rejected()).isEqualTo(hasError);
            if (validated.rejected()) {
                assertThat(validated.caseRow()).isNull();
            }
            else {
                accepted++;
                CaseRow caseRow = validated.caseRow();
                assertThat(caseRow.caseNumber()).isNotBlank();
                assertThat(caseRow.reportDate()).isNotNull();
                assertThat(caseRow.sex()).isIn("L", "P");
                assertThat(caseRow.exploitation()).isNotEmpty();
                assertThat(caseRow.birthDate() != null || caseRow.age() != null).isTrue();
                assertThat(caseRow.nik()).satisfiesAnyOf(nik -> assertThat(nik).isNull(),
                        nik -> assertThat(nik).matches("[0-9]{16}"));
                assertThatCode(() -> VictimIdentity.of(caseRow).key()).doesNotThrowAnyException();
            }
            for (Finding finding : validated.findings()) {
                assertThat(finding.code()).isNotNull();
                assertThat(finding.field()).isNotNull();
                assertThat(finding.column()).isNotNull();
                assertThat(finding.value()).isNotNull();
                assertThat(finding.messageId()).isNotBlank();
                assertThat(finding.messageEn()).isNotBlank();
            }
        }
        assertThat(accepted).as("rows accepted").isBetween(100, 19_000);
    }

    /** A row of random cells; from a valid row, only some fields are replaced, so rows also pass. */
    private static MappedRow randomRow(Random random, MappedRow base) {
        Map<Field, CellValue> values = new EnumMap<>(Field.class);
        Map<Field, String> headers = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            headers.put(field, TestRows.header(field));
            if (base != null && random.nextInt(4) != 0) {
                values.put(field, base.value(field));
            }
            else {
                values.put(field, randomCell(random));
            }
        }
        return new MappedRow("Acak", 1, values, headers, Map.of());
    }

    private static CellValue randomCell(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> CellValue.BLANK;
            case 1 -> {
                double[] specials = { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0, 60,
                        2_958_465, 6472014507900000d, 6472014507900001d, 9.9e300, -1e20, 1e16, 45292.5, 17, 120 };
                double number = random.nextBoolean() ? specials[random.nextInt(specials.length)]
                        : (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(20));
                yield new CellValue(String.valueOf(number), CellValue.Kind.NUMBER, number, null);
            }
            case 2 -> CellValue.date(LocalDateTime.of(1 + random.nextInt(9999), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), 0));
            case 3 -> new CellValue(randomText(random), CellValue.Kind.values()[random.nextInt(6)], null, null);
            default -> CellValue.text(randomText(random));
        };
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            if (random.nextInt(5) == 0) {
                text.appendCodePoint(random.nextInt(0x2FFFF));
            }
            else {
                text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
        }
        return text.toString();
    }
}
