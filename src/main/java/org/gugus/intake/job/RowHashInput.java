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
 * encoding or function (those stored before it) never equal these: such a row is judged in full once.
 * <p>
 * The row hash is MurmurHash3 (x64, 128 bits) of these bytes under two seeds, 32 bytes as
 * SHA-256's were: every row of every delivery is hashed, and on the quick compiler a command runs
 * on, SHA-256 is plain Java and was most of a re-delivery's judging (100,000 rows of 200 bytes in
 * isolation: 0.4–0.7 s of CPU against 0.06–0.14 s). It need not resist a forger: equal hashes
 * only let a row be staged as repeating a record whose row was judged before without a finding,
 * so a collision, even a contrived one, can keep a record as it was judged; it can never let a
 * value in unjudged.
 */
final class RowHashInput {

    private static final byte[] VERSION = "gugus-row-hash-3".getBytes(StandardCharsets.US_ASCII);
    private static final byte ABSENT = -1;
    private static final int FIRST_SEED = 0x67756775;
    private static final int SECOND_SEED = 0x726f7768;

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

    /** The sheet's part of the hash: the template's fingerprint and the headers, as their digest made once a sheet. */
    RowHashInput sheet(byte[] sheetDigest) {
        put(sheetDigest);
        return this;
    }

    /** The row hash of what was put: two MurmurHash3 x64 128-bit hashes under two seeds, big-endian. */
    byte[] hash() {
        byte[] hash = new byte[32];
        long[] hashes = new long[4];
        TwoSeedMurmur3.hash(bytes, 0, size, FIRST_SEED, SECOND_SEED, hashes);
        for (int i = 0; i < 4; i++) {
            putLong(hash, i * 8, hashes[i]);
        }
        return hash;
    }

    private byte[] digest(MessageDigest digest) {
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

    private static void putLong(byte[] into, int at, long value) {
        for (int i = 0; i < 8; i++) {
            into[at + i] = (byte) (value >>> (56 - 8 * i));
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
