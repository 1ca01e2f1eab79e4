package org.gugus.intake.job;

/**
 * MurmurHash3 (x64, 128 bits) of the same bytes under two seeds in one pass: the four longs Apache Commons
 * Codec's {@code MurmurHash3.hash128x64} gives under each seed, in that order. Both hashes read the same
 * blocks and mix them the same way (the mixing of a block does not depend on the seed); only the two running
 * states differ. So each block is read and mixed once, not twice, and no method is called per block: on the
 * quick compiler a command runs on, the two calls of the codec were a tenth of a judge's CPU (every row takes
 * its row hash and its content hash, each under two seeds).
 */
final class TwoSeedMurmur3 {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private TwoSeedMurmur3() {
    }

    /**
     * Writes into {@code hashes} (four longs) the two 128-bit hashes of {@code length} bytes of {@code data} from
     * {@code offset}: under {@code first} (its two halves), then under {@code second}.
     */
    static void hash(byte[] data, int offset, int length, int first, int second, long[] hashes) {
        long a1 = first & 0xffffffffL;
        long a2 = a1;
        long b1 = second & 0xffffffffL;
        long b2 = b1;
        int blocks = length >> 4;
        for (int i = 0; i < blocks; i++) {
            int at = offset + (i << 4);
            long k1 = (data[at] & 0xffL) | (data[at + 1] & 0xffL) << 8 | (data[at + 2] & 0xffL) << 16
                    | (data[at + 3] & 0xffL) << 24 | (data[at + 4] & 0xffL) << 32 | (data[at + 5] & 0xffL) << 40
                    | (data[at + 6] & 0xffL) << 48 | (data[at + 7] & 0xffL) << 56;
            long k2 = (data[at + 8] & 0xffL) | (data[at + 9] & 0xffL) << 8 | (data[at + 10] & 0xffL) << 16
                    | (data[at + 11] & 0xffL) << 24 | (data[at + 12] & 0xffL) << 32 | (data[at + 13] & 0xffL) << 40
                    | (data[at + 14] & 0xffL) << 48 | (data[at + 15] & 0xffL) << 56;
            k1 = Long.rotateLeft(k1 * C1, 31) * C2;
            k2 = Long.rotateLeft(k2 * C2, 33) * C1;

            a1 = (Long.rotateLeft(a1 ^ k1, 27) + a2) * 5 + 0x52dce729;
            a2 = (Long.rotateLeft(a2 ^ k2, 31) + a1) * 5 + 0x38495ab5;
            b1 = (Long.rotateLeft(b1 ^ k1, 27) + b2) * 5 + 0x52dce729;
            b2 = (Long.rotateLeft(b2 ^ k2, 31) + b1) * 5 + 0x38495ab5;
        }
        int tail = offset + (blocks << 4);
        int rest = length & 15;
        long k1 = 0;
        long k2 = 0;
        for (int i = rest - 1; i >= 8; i--) {
            k2 |= (data[tail + i] & 0xffL) << ((i - 8) << 3);
        }
        for (int i = Math.min(rest, 8) - 1; i >= 0; i--) {
            k1 |= (data[tail + i] & 0xffL) << (i << 3);
        }
        if (rest > 8) {
            k2 = Long.rotateLeft(k2 * C2, 33) * C1;
            a2 ^= k2;
            b2 ^= k2;
        }
        if (rest > 0) {
            k1 = Long.rotateLeft(k1 * C1, 31) * C2;
            a1 ^= k1;
            b1 ^= k1;
        }
        finish(a1, a2, length, hashes, 0);
        finish(b1, b2, length, hashes, 2);
    }

    private static void finish(long h1, long h2, int length, long[] hashes, int at) {
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = mix(h1);
        h2 = mix(h2);
        h1 += h2;
        h2 += h1;
        hashes[at] = h1;
        hashes[at + 1] = h2;
    }

    private static long mix(long k) {
        k = (k ^ k >>> 33) * 0xff51afd7ed558ccdL;
        k = (k ^ k >>> 33) * 0xc4ceb9fe1a85ec53L;
        return k ^ k >>> 33;
    }
}
