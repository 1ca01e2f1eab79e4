package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** A large first load's rows kept on disk ahead of its publish's commit, found again by their digests. */
class RecordsKeptAheadTests {

    @Test
    void aRowIsFoundByItsDigestWithItsNikSexAndPreparedBytes() {
        try (RecordsKeptAhead kept = new RecordsKeptAhead(100)) {
            for (int i = 0; i < 100; i++) {
                assertThat(kept.add(i + 1, digest(i), 6472_0000_0000_0000L + i, (byte) (i % 3), prepared(i))).isTrue();
            }
            kept.flush();

            assertThat(kept.size()).isEqualTo(100);
            for (int i = 0; i < 100; i++) {
                int row = kept.find(digest(i));
                assertThat(row).isNotNegative();
                byte[] bytes = kept.bytes(row);
                assertThat(RecordsKeptAhead.validNik(bytes)).isEqualTo(6472_0000_0000_0000L + i);
                assertThat(RecordsKeptAhead.sex(bytes)).isEqualTo((byte) (i % 3));
                assertThat(RecordsKeptAhead.prepared(bytes)).isEqualTo(prepared(i));
            }
            assertThat(kept.find(digest(100))).as("a digest no row has").isNegative();
            assertThat(kept.find(null)).isNegative();
        }
    }

    @Test
    void rowsOfOneDigestAreOneWhenTheirBytesAreEqualAndNoneWhenNot() {
        try (RecordsKeptAhead kept = new RecordsKeptAhead(4)) {
            kept.add(1, digest(1), 1, (byte) 1, prepared(1));
            kept.add(2, digest(1), 1, (byte) 1, prepared(1));
            kept.add(3, digest(2), 2, (byte) 2, prepared(2));
            kept.add(4, digest(2), 2, (byte) 2, prepared(3)); // the same digest, other values (a collision)

            assertThat(kept.size()).isEqualTo(2);
            assertThat(kept.find(digest(1))).as("equal values: one row").isZero();
            assertThat(kept.find(digest(2))).as("held for neither").isNegative();
        }
    }

    @Test
    void noMoreRowsThanThereIsRoomForAreKept() {
        try (RecordsKeptAhead kept = new RecordsKeptAhead(2)) {
            assertThat(kept.add(1, digest(1), 0, (byte) 0, prepared(1))).isTrue();
            assertThat(kept.add(2, digest(2), 0, (byte) 0, prepared(2))).isTrue();
            assertThat(kept.add(3, digest(3), 0, (byte) 0, prepared(3))).isFalse();
            assertThat(kept.find(digest(3))).isNegative();
        }
    }

    @Test
    void rowsReadInAnyOrderAreFoundAtTheirPlacesInTheFilesOrder() {
        try (RecordsKeptAhead kept = new RecordsKeptAhead(6)) {
            // ordinals as a file's rows with one rejected (4), read case by case rather than in order
            int[] ordinals = {5, 2, 7, 3, 1, 6};
            for (int ordinal : ordinals) {
                int values = ordinal == 7 ? 2 : ordinal; // row 7 repeats row 2's values: one row kept for both
                kept.add(ordinal, ordinal == 6 ? null : digest(values), values, (byte) 1, prepared(values));
            }
            assertThat(kept.read()).as("nothing to take by place before every row is read").isNull();
            kept.allRead(42, new long[] {7, 9});

            assertThat(kept.read().fileId()).isEqualTo(42);
            assertThat(kept.read().rows()).isEqualTo(6);
            assertThat(kept.read().writers()).containsExactly(7, 9);
            assertThat(kept.size()).as("rows kept by their digests").isEqualTo(4);
            int[] byOrdinal = {1, 2, 3, 5, 6, 7};
            for (int place = 0; place < byOrdinal.length; place++) {
                int ordinal = byOrdinal[place];
                if (ordinal == 6) {
                    assertThat(kept.atPlace(place)).as("a row whose values have no digest: none kept").isNegative();
                } else {
                    byte[] bytes = kept.bytes(kept.atPlace(place));
                    assertThat(RecordsKeptAhead.validNik(bytes)).as("place %d", place).isEqualTo(ordinal == 7 ? 2 : ordinal);
                    assertThat(RecordsKeptAhead.prepared(bytes)).isEqualTo(prepared(ordinal == 7 ? 2 : ordinal));
                }
            }
        }
    }

    @Test
    void aRowWhoseDigestIsAmbiguousIsNotTakenAtItsPlace() {
        try (RecordsKeptAhead kept = new RecordsKeptAhead(3)) {
            kept.add(2, digest(1), 1, (byte) 1, prepared(1));
            kept.add(1, digest(1), 1, (byte) 1, prepared(4)); // the same digest, other values (a collision)
            kept.add(3, digest(3), 3, (byte) 1, prepared(3));
            kept.allRead(42, new long[] {7});

            assertThat(kept.atPlace(0)).isNegative();
            assertThat(kept.atPlace(1)).isNegative();
            assertThat(kept.atPlace(2)).isNotNegative();
        }
    }

    private static byte[] digest(int i) {
        return ByteBuffer.allocate(16).putLong(i * 0x9E3779B97F4A7C15L).putLong(i * 31L).array();
    }

    /** Bytes of a length of their own, some larger than the file's write buffer. */
    private static byte[] prepared(int i) {
        byte[] bytes = new byte[i == 7 ? (1 << 20) + 5 : 20 + i];
        for (int k = 0; k < bytes.length; k++) {
            bytes[k] = (byte) (i + k);
        }
        return bytes;
    }
}
