package org.gugus.persons;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Block key rows (key hash, record) in the order of the table's index on (key hash, record), for a copy into
 * the table whose indexes are built after it: PostgreSQL's sort finds its input already in order and passes
 * over it once (a first load's 800,000 keys; the index build took longer than the copy).
 */
final class BlockKeyRows {

    private final long[] hashes;
    private final long[] victims;

    private BlockKeyRows(long[] hashes, long[] victims) {
        this.hashes = hashes;
        this.victims = victims;
    }

    /**
     * The rows of the records given ({@code hashes} of each one's index in {@code victims}), ordered by key hash
     * as PostgreSQL orders a {@code bigint} (signed), and for one key in the order of {@code victims}.
     */
    static BlockKeyRows byHash(List<Long> victims, IntFunction<long[]> hashes, int count) {
        long[] keys = new long[count];
        long[] holders = new long[count];
        int row = 0;
        for (int i = 0; i < victims.size(); i++) {
            long victim = victims.get(i);
            for (long key : hashes.apply(i)) {
                keys[row] = key;
                holders[row++] = victim;
            }
        }
        if (row != count) {
            throw new IllegalArgumentException("expected " + count + " keys, got " + row);
        }
        return sorted(keys, holders);
    }

    /** The rows given ({@code hashes[i]} of {@code victims[i]}), ordered as {@link #byHash} orders them. */
    static BlockKeyRows sorted(long[] hashes, long[] victims) {
        int count = hashes.length;
        long[] keys = hashes;
        long[] holders = victims;
        // least significant digit first, 16 bits a pass: each pass stable, so a key's records keep their order
        long[] keysTo = new long[count];
        long[] holdersTo = new long[count];
        int[] starts = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(starts, 0);
            for (long key : keys) {
                starts[digit(key, shift)]++;
            }
            for (int d = 0, sum = 0; d < starts.length; d++) {
                int n = starts[d];
                starts[d] = sum;
                sum += n;
            }
            for (int i = 0; i < count; i++) {
                int to = starts[digit(keys[i], shift)]++;
                keysTo[to] = keys[i];
                holdersTo[to] = holders[i];
            }
            long[] swap = keys;
            keys = keysTo;
            keysTo = swap;
            swap = holders;
            holders = holdersTo;
            holdersTo = swap;
        }
        return new BlockKeyRows(keys, holders);
    }

    /** A 16-bit digit of the key with its sign bit flipped: unsigned digits in the signed order. */
    private static int digit(long key, int shift) {
        return (int) ((key ^ Long.MIN_VALUE) >>> shift) & 0xffff;
    }

    int size() {
        return hashes.length;
    }

    long hash(int row) {
        return hashes[row];
    }

    long victim(int row) {
        return victims[row];
    }
}
