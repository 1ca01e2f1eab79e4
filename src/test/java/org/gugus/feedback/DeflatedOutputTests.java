package org.gugus.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** Sheet data deflated on a thread of their own, joined with a start and an end into one deflate stream. */
class DeflatedOutputTests {

    @Test
    void combinesTheChecksumsOfTwoPartsIntoTheChecksumOfBothOneAfterTheOther() {
        Random random = new Random(13);
        for (int[] lengths : new int[][] {{0, 0}, {0, 7}, {7, 0}, {1, 1}, {1000, 3}, {5, 100_000}, {70_000, 262_145}}) {
            byte[] first = new byte[lengths[0]];
            byte[] second = new byte[lengths[1]];
            random.nextBytes(first);
            random.nextBytes(second);
            assertThat(DeflatedOutput.combine(crc(first), crc(second), second.length))
                    .as("%d + %d bytes", first.length, second.length).isEqualTo(crc(first, second));
        }
    }

    @Test
    void joinsAStartTheDataDeflatedAsWrittenAndAnEndIntoOneDeflateStreamOfTheirText() throws Exception {
        byte[] start = "<worksheet><sheetData>\n".getBytes(StandardCharsets.UTF_8);
        byte[] end = "</sheetData><autoFilter ref=\"A3:S9\"/></worksheet>".getBytes(StandardCharsets.UTF_8);
        // several buffers' worth, written in pieces of varied sizes as the sheet writer flushes them
        StringBuilder text = new StringBuilder();
        Random random = new Random(7);
        for (int row = 1; text.length() < 5 * DeflatedOutput.BUFFER; row++) {
            text.append("<row r=\"").append(row).append("\"><c r=\"A").append(row).append("\" t=\"inlineStr\"><is><t>")
                    .append(Long.toString(random.nextLong(), 36)).append(" Siti Ñur 😀</t></is></c></row>");
        }
        byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        DeflatedOutput out = new DeflatedOutput(deflated);
        for (int at = 0; at < data.length; ) {
            int n = Math.min(data.length - at, 1 + random.nextInt(3 * DeflatedOutput.BUFFER / 2));
            out.write(data, at, n);
            at += n;
        }
        out.close();
        out.close();

        DeflatedOutput.Written written = out.written();
        assertThat(written.size()).isEqualTo(data.length);
        assertThat(written.crc()).isEqualTo(crc(data));
        assertThat(written.deflatedSize()).isEqualTo(deflated.size()).isLessThan(data.length / 2);
        byte[] joined = concat(DeflatedOutput.part(start, false), deflated.toByteArray(), DeflatedOutput.part(end, true));
        assertThat(inflate(joined, start.length + data.length + end.length)).isEqualTo(concat(start, data, end));
    }

    @Test
    void joinsSheetDataWithNothingWritten() throws Exception {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        DeflatedOutput out = new DeflatedOutput(deflated);
        out.close();
        assertThat(out.written().size()).isZero();
        byte[] start = "<sheetData>\n".getBytes(StandardCharsets.UTF_8);
        byte[] end = "</sheetData>".getBytes(StandardCharsets.UTF_8);
        byte[] joined = concat(DeflatedOutput.part(start, false), deflated.toByteArray(), DeflatedOutput.part(end, true));
        assertThat(inflate(joined, start.length + end.length)).isEqualTo(concat(start, end));
    }

    @Test
    void reportsAFailureOfItsTargetWhenClosedWithoutLeavingTheWriterWaiting() throws IOException {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                throw new IOException("disk full");
            }
        };
        DeflatedOutput out = new DeflatedOutput(failing);
        byte[] noise = new byte[DeflatedOutput.BUFFER];
        new Random(1).nextBytes(noise);
        // far more buffers than wait at once: the writer must not block on a thread that failed
        for (int i = 0; i < 40; i++) {
            out.write(noise, 0, noise.length);
        }
        assertThatThrownBy(out::close).isInstanceOf(IOException.class).hasMessage("disk full");
    }

    private static long crc(byte[]... parts) {
        CRC32 crc = new CRC32();
        for (byte[] part : parts) {
            crc.update(part);
        }
        return crc.getValue();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Raw inflate that must end on the final block, with exactly the expected length. */
    private static byte[] inflate(byte[] deflated, int length) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        inflater.setInput(concat(deflated, new byte[1]));
        byte[] out = new byte[length + 16];
        int n = 0;
        while (!inflater.finished()) {
            int got = inflater.inflate(out, n, out.length - n);
            assertThat(got > 0 || inflater.finished()).as("inflating made progress").isTrue();
            n += got;
        }
        inflater.end();
        byte[] exact = new byte[n];
        System.arraycopy(out, 0, exact, 0, n);
        return exact;
    }
}
