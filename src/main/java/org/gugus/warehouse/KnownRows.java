package org.gugus.warehouse;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The row hashes of an office's victim records whose rows were judged without a finding, so a
 * re-delivered row that repeats one cell for cell is staged without being judged again. Kept as two
 * sorted arrays of the hashes' first 8 bytes and the record ids: 16 bytes a record, so a million
 * records fit a small heap. A prefix is only a candidate: the publish checks the whole hash, and
 * a row whose record no longer carries it is judged after all.
 */
public final class KnownRows {

    public static final KnownRows NONE = new KnownRows(new long[0], new long[0], 0);

    private final long[] prefixes;
    private final long[] victims;
    private final int size;

    /** @param prefixes sorted ascending (signed), with the record of each in {@code victims} */
    KnownRows(long[] prefixes, long[] victims, int size) {
        this.prefixes = prefixes;
        this.victims = victims;
        this.size = size;
    }

    /** The record whose row hash starts as this one does, if exactly one does. */
    public OptionalLong victim(byte[] rowHash) {
        if (size == 0 || rowHash == null) {
            return OptionalLong.empty();
        }
        long prefix = prefix(rowHash);
        int at = Arrays.binarySearch(prefixes, 0, size, prefix);
        if (at < 0 || (at > 0 && prefixes[at - 1] == prefix) || (at + 1 < size && prefixes[at + 1] == prefix)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(victims[at]);
    }

    public int size() {
        return size;
    }

    static long prefix(byte[] hash) {
        long prefix = 0;
        for (int i = 0; i < 8; i++) {
            prefix = (prefix << 8) | (hash[i] & 0xff);
        }
        return prefix;
    }
}
