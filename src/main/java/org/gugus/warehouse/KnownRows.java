package org.gugus.warehouse;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The row hashes of an office's victim records whose rows were judged without a finding, so a
 * re-delivered row that repeats one cell for cell is staged without being judged again. Kept as three
 * arrays sorted by the hashes' first 8 bytes: those bytes, the next 8 and the record ids, 24 bytes a
 * record, so a million records fit a small heap. A row is taken as repeating a record when the first
 * 16 bytes of their hashes agree (128 bits: two different rows agreeing there is not a chance to
 * reckon with). The publish checks the whole hash whenever the office's row hashes changed since
 * they were read (their generation, kept for the staged file: {@code warehouse.staged_file}), and a
 * row whose record no longer carries it is judged after all.
 */
public final class KnownRows {

    /** A row hash's length: SHA-256. */
    public static final int HASH_BYTES = 32;

    public static final KnownRows NONE = new KnownRows(new long[0], new long[0], new long[0], 0);

    private final long[] prefixes;
    private final long[] nextBytes;
    private final long[] victims;
    private final int size;

    /**
     * @param prefixes the hashes' first 8 bytes, sorted ascending (signed), with their next 8 bytes in
     *                 {@code nextBytes} and their record in {@code victims}
     */
    KnownRows(long[] prefixes, long[] nextBytes, long[] victims, int size) {
        this.prefixes = prefixes;
        this.nextBytes = nextBytes;
        this.victims = victims;
        this.size = size;
    }

    /** The record whose row hash starts as this one does (16 bytes), if exactly one has its first 8. */
    public OptionalLong victim(byte[] rowHash) {
        if (size == 0 || rowHash == null) {
            return OptionalLong.empty();
        }
        long prefix = prefix(rowHash);
        int at = Arrays.binarySearch(prefixes, 0, size, prefix);
        if (at < 0 || (at > 0 && prefixes[at - 1] == prefix) || (at + 1 < size && prefixes[at + 1] == prefix)
                || nextBytes[at] != word(rowHash, 8)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(victims[at]);
    }

    public int size() {
        return size;
    }

    static long prefix(byte[] hash) {
        return word(hash, 0);
    }

    /** The 8 bytes of the hash from {@code from} as a signed big-endian number. */
    private static long word(byte[] hash, int from) {
        long word = 0;
        for (int i = from; i < from + 8; i++) {
            word = (word << 8) | (hash[i] & 0xff);
        }
        return word;
    }
}
