package org.gugus.intake.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;

class TwoSeedMurmur3Tests {

    @Test
    void givesTheCodecsTwoHashesForEveryTailLengthOffsetAndSeed() {
        Random random = new Random(13);
        byte[] data = new byte[300];
        long[] hashes = new long[4];
        for (int round = 0; round < 20; round++) {
            random.nextBytes(data);
            int first = random.nextInt();
            int second = round % 2 == 0 ? random.nextInt() : 0x656e7432;
            for (int length = 0; length <= 80; length++) {
                int offset = random.nextInt(data.length - length + 1);
                TwoSeedMurmur3.hash(data, offset, length, first, second, hashes);
                long[] byFirst = MurmurHash3.hash128x64(data, offset, length, first);
                long[] bySecond = MurmurHash3.hash128x64(data, offset, length, second);
                assertThat(hashes).as("length %d, offset %d", length, offset)
                        .containsExactly(byFirst[0], byFirst[1], bySecond[0], bySecond[1]);
            }
        }
    }

    @Test
    void hashesALongTextAsTheCodecDoes() {
        byte[] text = "gugus-row-hash-3 Siti Nurhaliza binti Ahmad 6472014201900001 Samarinda".repeat(40).getBytes();
        long[] hashes = new long[4];
        TwoSeedMurmur3.hash(text, 0, text.length, -1, Integer.MIN_VALUE, hashes);
        long[] byFirst = MurmurHash3.hash128x64(text, 0, text.length, -1);
        long[] bySecond = MurmurHash3.hash128x64(text, 0, text.length, Integer.MIN_VALUE);
        assertThat(hashes).containsExactly(byFirst[0], byFirst[1], bySecond[0], bySecond[1]);
    }
}
