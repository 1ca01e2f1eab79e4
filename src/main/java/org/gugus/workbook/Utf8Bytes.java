package org.gugus.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a file's bytes are well-formed UTF-8, by the same rule as Java's strict UTF-8 decoder
 * (the Unicode standard's table of well-formed sequences: no overlong forms, no surrogates, nothing
 * above U+10FFFF, no sequence cut short at the end). The bytes are only checked, never decoded:
 * the decoder turned every byte of a file into a character in a buffer thrown away, which a command
 * on the quick compiler did in plain Java twice a load (the stage's reader and the answer's), about
 * 0.1 s of CPU each for a 100,000-row CSV; this runs over the ASCII bytes, most of a file, in a
 * plain loop.
 */
final class Utf8Bytes {

    private static final int BUFFER = 64 * 1024;
    /** The longest sequence: what a buffer keeps back when a sequence goes past its end. */
    private static final int LONGEST = 4;

    private Utf8Bytes() {
    }

    static boolean isUtf8(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = new byte[BUFFER + LONGEST];
            int kept = 0;
            while (true) {
                int read = in.readNBytes(bytes, kept, BUFFER);
                int end = kept + read;
                boolean last = read < BUFFER;
                int checked = wellFormedUpTo(bytes, end, last);
                if (checked < 0) {
                    return false;
                }
                if (last) {
                    return true;
                }
                kept = end - checked;
                System.arraycopy(bytes, checked, bytes, 0, kept);
            }
        }
    }

    /**
     * The end of the well-formed sequences from the start of {@code bytes} up to {@code end}: where
     * a sequence begins that {@code end} cuts (unless {@code last}, then it is malformed), or -1
     * at a malformed sequence.
     */
    static int wellFormedUpTo(byte[] bytes, int end, boolean last) {
        int i = 0;
        while (i < end) {
            int lead = bytes[i];
            if (lead >= 0) {
                i++;
                continue;
            }
            lead &= 0xFF;
            int length;
            int secondLow = 0x80;
            int secondHigh = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                if (lead == 0xE0) {
                    secondLow = 0xA0;
                } else if (lead == 0xED) {
                    secondHigh = 0x9F;
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                if (lead == 0xF0) {
                    secondLow = 0x90;
                } else if (lead == 0xF4) {
                    secondHigh = 0x8F;
                }
            } else {
                return -1;
            }
            int available = Math.min(length, end - i);
            for (int next = 1; next < available; next++) {
                int low = next == 1 ? secondLow : 0x80;
                int high = next == 1 ? secondHigh : 0xBF;
                int b = bytes[i + next] & 0xFF;
                if (b < low || b > high) {
                    return -1;
                }
            }
            if (available < length) {
                return last ? -1 : i;
            }
            i += length;
        }
        return end;
    }
}
