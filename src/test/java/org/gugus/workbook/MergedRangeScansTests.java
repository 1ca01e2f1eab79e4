package org.gugus.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MergedRangeScansTests {

    private static final byte[] WORD = "mergeCell".getBytes(StandardCharsets.US_ASCII);

    @Test
    void findsTheWordAtEveryPlaceAroundTheEndsOfItsBuffers() throws IOException {
        int buffer = 1 << 16;
        List<Integer> places = new ArrayList<>();
        for (int end = 0; end <= 2 * buffer; end += buffer) {
            for (int place = Math.max(0, end - 30); place <= end + 30; place++) {
                places.add(place);
            }
        }
        for (int place : places) {
            byte[] bytes = filler(3 * buffer + 20, place);
            System.arraycopy(WORD, 0, bytes, place, WORD.length);

            assertThat(MergedRangeScans.mentions(new ByteArrayInputStream(bytes), WORD)).as("at %d", place).isTrue();
            assertThat(MergedRangeScans.mentions(new Trickle(bytes, place), WORD)).as("trickled, at %d", place).isTrue();
        }
    }

    @Test
    void findsWhatAPlainSearchFindsInBytesOfTheWordsOwnLetters() throws IOException {
        // pieces of the word, its repeated letters and near misses: what a skipping search could step over
        byte[] letters = "mergeClC<> lleg".getBytes(StandardCharsets.US_ASCII);
        Random random = new Random(13);
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[random.nextInt(300)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = letters[random.nextInt(letters.length)];
            }
            if (round % 3 == 0 && bytes.length > WORD.length) {
                System.arraycopy(WORD, 0, bytes, random.nextInt(bytes.length - WORD.length + 1), WORD.length);
            }
            boolean expected = plainSearch(bytes);

            assertThat(MergedRangeScans.mentions(new ByteArrayInputStream(bytes), WORD)).as("round %d", round)
                    .isEqualTo(expected);
            assertThat(MergedRangeScans.mentions(new Trickle(bytes, round), WORD)).as("trickled, round %d", round)
                    .isEqualTo(expected);
        }
    }

    @Test
    void findsNothingInASheetWithoutMergedCells() throws IOException {
        byte[] bytes = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData><mergeCel/>"
                .repeat(5_000).getBytes(StandardCharsets.US_ASCII);

        assertThat(MergedRangeScans.mentions(new ByteArrayInputStream(bytes), WORD)).isFalse();
        assertThat(MergedRangeScans.mentions(new ByteArrayInputStream(new byte[0]), WORD)).isFalse();
    }

    private static boolean plainSearch(byte[] bytes) {
        for (int i = 0; i + WORD.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + WORD.length, WORD, 0, WORD.length)) {
                return true;
            }
        }
        return false;
    }

    /** Bytes of XML without the word, the word's letters among them. */
    private static byte[] filler(int length, int seed) {
        byte[] pattern = "<c r=\"B7\" t=\"s\"><v>12</v></c>Cell merge ".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = pattern[(i + seed) % pattern.length];
        }
        return bytes;
    }

    /** A stream that gives its bytes a few at a time, as an inflating stream may. */
    private static final class Trickle extends InputStream {

        private final byte[] bytes;

        private final Random sizes;

        private int next;

        Trickle(byte[] bytes, long seed) {
            this.bytes = bytes;
            this.sizes = new Random(seed);
        }

        @Override
        public int read() {
            return next < bytes.length ? bytes[next++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (next >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, 1 + sizes.nextInt(13)), bytes.length - next);
            System.arraycopy(bytes, next, into, offset, n);
            next += n;
            return n;
        }
    }
}
