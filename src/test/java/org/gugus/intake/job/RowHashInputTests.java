package org.gugus.intake.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.gugus.intake.mapping.Field;
import org.gugus.warehouse.KnownRows;
import org.gugus.workbook.CellValue;
import org.junit.jupiter.api.Test;

class RowHashInputTests {

    private static final byte[] SHEET = new byte[32];

    @Test
    void theSameCellsGiveTheSameHash() {
        assertThat(hash(CellValue.text("Siti"), CellValue.text("P"))).isEqualTo(hash(CellValue.text("Siti"), CellValue.text("P")));
    }

    @Test
    void textSplitOtherwiseBetweenTwoFieldsGivesAnotherHash() {
        assertThat(hash(CellValue.text("ab"), CellValue.text("c"))).isNotEqualTo(hash(CellValue.text("a"), CellValue.text("bc")));
    }

    @Test
    void anAbsentCellIsToldApartFromABlankOne() {
        assertThat(hash(null, CellValue.text("P"))).isNotEqualTo(hash(CellValue.BLANK, CellValue.text("P")));
    }

    @Test
    void theSameTextAsANumberOrADateGivesAnotherHash() {
        byte[] text = hash(new CellValue("17", CellValue.Kind.TEXT, null, null), null);
        byte[] number = hash(CellValue.number(17, "17"), null);
        byte[] otherNumber = hash(CellValue.number(17.0000001, "17"), null);
        byte[] date = hash(new CellValue("17", CellValue.Kind.TEXT, null, LocalDateTime.of(2024, 6, 17, 0, 0)), null);

        assertThat(text).isNotEqualTo(number).isNotEqualTo(date);
        assertThat(number).isNotEqualTo(otherNumber);
    }

    @Test
    void textBeyondAsciiIsToldApartFromAsciiText() {
        assertThat(hash(CellValue.text("Jos\u00e9"), null)).isNotEqualTo(hash(CellValue.text("Jose"), null))
                .isNotEqualTo(hash(CellValue.text("Jos\u00c9"), null));
    }

    @Test
    void removedCharactersGiveAnotherHash() {
        assertThat(hash(new CellValue("Siti", CellValue.Kind.TEXT, null, null, true), null))
                .isNotEqualTo(hash(CellValue.text("Siti"), null));
    }

    @Test
    void aRowHashIsThirtyTwoBytesOfTwoMurmurHashesOfTheEncodedRow() {
        byte[] hash = hash(CellValue.text("Siti"), CellValue.text("P"));

        assertThat(hash).hasSize(KnownRows.HASH_BYTES);
        assertThat(Arrays.copyOfRange(hash, 0, 16)).isNotEqualTo(Arrays.copyOfRange(hash, 16, 32));
    }

    @Test
    void anotherSheetDigestGivesAnotherHash() {
        byte[] otherSheet = new byte[32];
        otherSheet[31] = 1;
        RowHashInput input = new RowHashInput().clear().sheet(otherSheet);
        input.cell(CellValue.text("Siti"));
        input.cell(CellValue.text("P"));

        assertThat(input.hash()).isNotEqualTo(hash(CellValue.text("Siti"), CellValue.text("P")));
    }

    @Test
    void headersDigestChangesWithAnyHeader() {
        Map<Field, String> headers = new EnumMap<>(Field.class);
        headers.put(Field.VICTIM_NAME, "Nama Korban");
        Map<Field, String> renamed = new EnumMap<>(Field.class);
        renamed.put(Field.VICTIM_NAME, "Nama");
        Map<Field, String> moved = new EnumMap<>(Field.class);
        moved.put(Field.NOTES, "Nama Korban");

        assertThat(RowHashInput.headersDigest(headers)).isEqualTo(RowHashInput.headersDigest(Map.copyOf(headers)))
                .isNotEqualTo(RowHashInput.headersDigest(renamed)).isNotEqualTo(RowHashInput.headersDigest(moved))
                .isNotEqualTo(RowHashInput.headersDigest(null));
    }

    private static byte[] hash(CellValue first, CellValue second) {
        RowHashInput input = new RowHashInput().clear().sheet(SHEET);
        input.cell(first);
        input.cell(second);
        return input.hash();
    }
}
