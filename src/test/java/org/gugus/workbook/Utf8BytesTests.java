package org.gugus.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf8BytesTests {

    /** Bytes that make sequences of every length, well-formed or not: leads, continuations, edges. */
    private static final int[] BYTES = {'a', ';', 0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
            0xC3, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};

    @TempDir
    Path folder;

    @Test
    void judgesRandomBytesAsJavasStrictUtf8DecoderDoes() {
        Random random = new Random(43);
        int wellFormed = 0;
        for (int test = 0; test < 30_000; test++) {
            byte[] bytes = new byte[random.nextInt(9)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) BYTES[random.nextInt(BYTES.length)];
            }
            boolean expected = decodes(bytes);
            wellFormed += expected ? 1 : 0;

            assertThat(Utf8Bytes.wellFormedUpTo(bytes, bytes.length, true) == bytes.length)
                    .as(HexFormat.of().formatHex(bytes)).isEqualTo(expected);
        }
        assertThat(wellFormed).as("well-formed cases among the random ones").isGreaterThan(1_000);
    }

    @Test
    void checksASequenceThatTheEndOfItsBufferCutsAsAWhole() throws IOException {
        Path file = folder.resolve("long.csv");
        for (int shift = 0; shift < 4; shift++) {
            byte[] ascii = "x".repeat(64 * 1024 - shift).getBytes(StandardCharsets.US_ASCII);
            byte[] emoji = "😀;é\n".getBytes(StandardCharsets.UTF_8);
            Files.write(file, concat(ascii, emoji));
            assertThat(Utf8Bytes.isUtf8(file)).as("shift %d", shift).isTrue();

            Files.write(file, concat(ascii, new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}));
            assertThat(Utf8Bytes.isUtf8(file)).as("cut at the end, shift %d", shift).isFalse();

            Files.write(file, concat(ascii, new byte[] {(byte) 0xE9, ';'}));
            assertThat(Utf8Bytes.isUtf8(file)).as("Windows-1252 é, shift %d", shift).isFalse();
        }
    }

    @Test
    void takesAnEmptyFileForUtf8() throws IOException {
        Path file = Files.write(folder.resolve("empty.csv"), new byte[0]);

        assertThat(Utf8Bytes.isUtf8(file)).isTrue();
    }

    private static boolean decodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
