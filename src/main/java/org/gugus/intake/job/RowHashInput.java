package org.gugus.intake.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.gugus.intake.mapping.Field;
import org.gugus.workbook.CellValue;

/**
 * What a row hash is made of ({@link RowJudge#rowHash}), encoded compactly and without ambiguity:
 * each part says its kind or length before its content, so two different rows never give the same
 * bytes. One per judge thread, reused row after row. A version tag leads, so hashes of another
 * encoding (those stored before it) never equal these: such a row is judged in full once.
 */
final class RowHashInput {

    private static final byte[] VERSION = "gugus-row-hash-2".getBytes(StandardCharsets.US_ASCII);
    private static final byte ABSENT = -1;

    private byte[] bytes = new byte[1024];
    private int size;

    RowHashInput clear() {
        size = 0;
        put(VERSION);
        return this;
    }

    /** A field's cell: its kind, text, number, date and whether characters were removed; a marker when absent. */
    void cell(CellValue cell) {
        if (cell == null) {
            put(ABSENT);
            return;
        }
        put((byte) cell.kind().ordinal());
        text(cell.text());
        if (cell.number() == null) {
            put((byte) 0);
        } else {
            put((byte) 1);
            putLong(Double.doubleToLongBits(cell.number()));
        }
        if (cell.dateTime() == null) {
            put((byte) 0);
        } else {
            put((byte) 1);
            putLong(cell.dateTime().toEpochSecond(ZoneOffset.UTC));
            putLong(cell.dateTime().getNano());
        }
        put((byte) (cell.charactersRemoved() ? 1 : 0));
    }

    byte[] digest(MessageDigest digest) {
        digest.update(bytes, 0, size);
        return digest.digest();
    }

    /** The digest of each field's header (or its absence), made once per sheet rather than for every row. */
    static byte[] headersDigest(Map<Field, String> headers) {
        RowHashInput input = new RowHashInput().clear();
        for (Field field : Field.values()) {
            input.text(headers == null ? null : headers.get(field));
        }
        try {
            return input.digest(MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A text as its length, then each char: ASCII as one byte, any other as a marker and two bytes. */
    private void text(String text) {
        if (text == null) {
            putInt(-1);
            return;
        }
        int length = text.length();
        putInt(length);
        ensure(length * 3);
        byte[] out = bytes;
        int at = size;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else {
                out[at++] = (byte) 0x80;
                out[at++] = (byte) (c >> 8);
                out[at++] = (byte) c;
            }
        }
        size = at;
    }

    private void put(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    private void put(byte value) {
        ensure(1);
        bytes[size++] = value;
    }

    private void putInt(int value) {
        ensure(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
