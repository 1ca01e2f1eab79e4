package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedFromTests {

    private static final long MIB = 1L << 20;

    @Test
    void aMillionPendingRecordsUnderA256MegabyteHeapAreResolvedInBoundedMemoryAsAreAHundredThousand() {
        // -Xmx256m leaves the JVM about 247 MiB to use
        long threshold = PersonResolution.boundedFrom(247 * MIB);

        assertThat(threshold).isLessThan(100_000).isGreaterThan(10_000);
    }

    @Test
    void threeHundredThousandPendingRecordsStayInMemoryUnderTheDefaultHeapOfA24GigabyteMachineButAMillionDoNot() {
        long threshold = PersonResolution.boundedFrom(6_028 * MIB);

        assertThat(threshold).isGreaterThan(300_000).isLessThan(1_000_000);
    }

    @Test
    void theThresholdGrowsWithTheHeapAndIsNeverZero() {
        assertThat(PersonResolution.boundedFrom(1024 * MIB)).isLessThan(PersonResolution.boundedFrom(2048 * MIB));
        assertThat(PersonResolution.boundedFrom(0)).isEqualTo(1);
    }
}
