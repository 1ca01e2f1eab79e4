package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class KnownRowsTests {

    @Test
    void findsTheRecordWhoseRowHashStartsAsTheRowsDoes() {
        KnownRows known = new KnownRows(new long[] {-5, 3, 40}, new long[] {0, 99, 0}, new long[] {11, 12, 13}, 3);

        assertThat(known.victim(hash(3, 99))).hasValue(12);
        assertThat(known.victim(hash(-5, 0))).hasValue(11);
        assertThat(known.victim(hash(41, 0))).isEmpty();
    }

    @Test
    void takesNoRecordWhoseHashDiffersInItsNextEightBytes() {
        KnownRows known = new KnownRows(new long[] {-5, 3, 40}, new long[] {0, 99, Long.MIN_VALUE}, new long[] {11, 12, 13}, 3);

        assertThat(known.victim(hash(3, 98))).isEmpty();
        assertThat(known.victim(hash(40, Long.MIN_VALUE))).hasValue(13);
        assertThat(known.victim(hash(40, Long.MAX_VALUE))).isEmpty();
    }

    @Test
    void takesNoRecordWhenTwoShareThePrefix() {
        KnownRows known = new KnownRows(new long[] {1, 7, 7, 7, 9}, new long[5], new long[] {1, 2, 3, 4, 5}, 5);

        assertThat(known.victim(hash(7, 0))).isEmpty();
        assertThat(known.victim(hash(9, 0))).hasValue(5);
    }

    @Test
    void readsThePrefixAsASignedBigEndianNumber() {
        assertThat(KnownRows.prefix(hash(Long.MIN_VALUE + 3, 0))).isEqualTo(Long.MIN_VALUE + 3);
        assertThat(KnownRows.prefix(hash(-1, 0))).isEqualTo(-1);
    }

    @Test
    void knowsNothingWhenEmpty() {
        assertThat(KnownRows.NONE.victim(hash(0, 0))).isEmpty();
        assertThat(KnownRows.NONE.victim(null)).isEmpty();
    }

    /** A 32-byte hash whose first 8 bytes are {@code prefix}. */
    private static byte[] hash(long prefix, long rest) {
        return ByteBuffer.allocate(32).putLong(prefix).putLong(rest).array();
    }
}
