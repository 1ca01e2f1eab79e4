package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.gugus.persons.linkage.Linkage;
import org.gugus.persons.linkage.LinkageSettings;
import org.gugus.persons.linkage.PreparedRecords;
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
                assertThat(kept.validNik(row)).isEqualTo(6472_0000_0000_0000L + i);
                assertThat(kept.sex(row)).isEqualTo((byte) (i % 3));
                assertThat(kept.bytes(row)).isEqualTo(prepared(i));
            }
            assertThat(kept.find(digest(100))).as("a digest no row has").isNegative();
            assertThat(kept.find(null)).isNegative();
        }
    }

    @Test
    void rowsOfOneDigestAreOneWhenTheirBytesAreEqualAndNoneWhenNot() {
        try (RecordsKeptAhead kept = new RecordsKeptAhead(6)) {
            kept.add(1, digest(1), 1, (byte) 1, prepared(1));
            kept.add(2, digest(1), 1, (byte) 1, prepared(1));
            kept.add(3, digest(2), 2, (byte) 2, prepared(2));
            kept.add(4, digest(2), 2, (byte) 2, prepared(3)); // the same digest, other values (a collision)
            kept.add(5, digest(3), 3, (byte) 1, prepared(3));
            kept.add(6, digest(3), 3, (byte) 2, prepared(3)); // the same digest and bytes, another sex

            assertThat(kept.size()).isEqualTo(3);
            assertThat(kept.find(digest(1))).as("equal values: one row").isZero();
            assertThat(kept.find(digest(2))).as("held for neither").isNegative();
            assertThat(kept.find(digest(3))).as("held for neither").isNegative();
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
                    int row = kept.atPlace(place);
                    assertThat(kept.validNik(row)).as("place %d", place).isEqualTo(ordinal == 7 ? 2 : ordinal);
                    assertThat(kept.bytes(row)).isEqualTo(prepared(ordinal == 7 ? 2 : ordinal));
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

    @Test
    void rowsReadInTheFilesOrderEachOfItsOwnValuesAreHandedOverWholeAsTheRunsRecords() {
        try (RecordsKeptAhead kept = new RecordsKeptAhead(5);
                PreparedRecords records = new Linkage(
                        LinkageSettings.defaults()).preparedRecords()) {
            for (int ordinal = 1; ordinal <= 5; ordinal++) {
                kept.add(ordinal * 2, digest(ordinal), ordinal, (byte) 1, keyed(ordinal));
            }
            kept.allRead(42, new long[] {7});
            assertThat(kept.inPlaceOrder()).isTrue();

            kept.handOver(records, new long[] {101, 102, 103, 104, 105});
            kept.close(); // the file is the records' now: still open
            List<String> keys = new ArrayList<>();
            records.forEachKeys((id, hashes, caps) -> keys.add(id + ":" + hashes[0] + ":" + caps[0]));

            assertThat(records.size()).isEqualTo(5);
            assertThat(keys).containsExactly("101:1:10", "102:2:20", "103:3:30", "104:4:40", "105:5:50");
        }
    }

    @Test
    void rowsNotOneForEachPlaceInItsOrderAreNotHandedOver() {
        // read out of the file's order; two rows of equal values; a row without a digest
        int[][] ordinals = {{2, 1, 3}, {1, 2, 3}, {1, 2, 3}};
        for (int test = 0; test < ordinals.length; test++) {
            try (RecordsKeptAhead kept = new RecordsKeptAhead(3)) {
                for (int ordinal : ordinals[test]) {
                    int values = test == 1 && ordinal == 3 ? 2 : ordinal;
                    kept.add(ordinal, test == 2 && ordinal == 2 ? null : digest(values), values, (byte) 1,
                            keyed(values));
                }
                kept.allRead(42, new long[] {7});

                assertThat(kept.inPlaceOrder()).as("case %d", test).isFalse();
                assertThatThrownBy(() -> kept.handOver(null, new long[] {1, 2, 3}))
                        .isInstanceOf(IllegalStateException.class);
            }
        }
    }

    /** A prepared record's bytes with one key (its hash i, its cap 10 i) and no record after it. */
    private static byte[] keyed(int i) {
        return ByteBuffer.allocate(4 + 12 + 8).putInt(1).putLong(i).putInt(10 * i).putLong(0).array();
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
