package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockKeyRangesTests {

    @Test
    void givesEveryKeyBackOrderedByHashAsPostgresOrdersABigintRangeAfterRangeEachKeysRecordsInTheOrderGiven() {
        Random random = new Random(17);
        long[] shared = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE, 0x0000_ffff_0000_0000L, 0x7fff_0000_0000_ffffL};
        List<long[]> expected = new ArrayList<>();
        List<long[]> given = new ArrayList<>();
        // more keys than one range holds: spread over several files, each read back and sorted in turn
        for (long victim = 1; victim <= 150_000; victim++) {
            for (int i = 0; i < 4; i++) {
                long hash = random.nextInt(5) == 0 ? shared[random.nextInt(shared.length)] : random.nextLong();
                given.add(new long[] {hash, victim});
                expected.add(new long[] {hash, victim});
            }
        }
        expected.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));

        List<long[]> back = new ArrayList<>();
        int[] ranges = {0};
        try (BlockKeyRanges keys = new BlockKeyRanges(given.size())) {
            given.forEach(key -> keys.add(key[0], key[1]));
            keys.forEachRange(rows -> {
                ranges[0]++;
                for (int row = 0; row < rows.size(); row++) {
                    back.add(new long[] {rows.hash(row), rows.victim(row)});
                }
            });
        }

        assertThat(ranges[0]).isGreaterThan(1);
        assertThat(back).hasSameSizeAs(expected);
        for (int row = 0; row < back.size(); row++) {
            assertThat(back.get(row)).as("row %d", row).containsExactly(expected.get(row));
        }
    }
}
