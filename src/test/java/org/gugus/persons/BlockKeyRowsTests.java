package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockKeyRowsTests {

    @Test
    void ordersRowsByKeyHashAsPostgresOrdersABigintThenByRecordAsGiven() {
        Random random = new Random(13);
        List<Long> victims = new ArrayList<>();
        List<long[]> keys = new ArrayList<>();
        List<long[]> expected = new ArrayList<>();
        long[] shared = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE, 0x0000_ffff_0000_0000L, 0x7fff_0000_0000_ffffL};
        for (long victim = 1; victim <= 2_000; victim++) {
            long[] own = new long[1 + random.nextInt(6)];
            for (int i = 0; i < own.length; i++) {
                own[i] = random.nextInt(4) == 0 ? shared[random.nextInt(shared.length)] : random.nextLong();
                expected.add(new long[] {own[i], victim});
            }
            victims.add(victim);
            keys.add(own);
        }
        expected.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));

        BlockKeyRows rows = BlockKeyRows.byHash(victims, keys::get, expected.size());

        assertThat(rows.size()).isEqualTo(expected.size());
        for (int row = 0; row < rows.size(); row++) {
            assertThat(new long[] {rows.hash(row), rows.victim(row)}).as("row %d", row).containsExactly(expected.get(row));
        }
    }
}
