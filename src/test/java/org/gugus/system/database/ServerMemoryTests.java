package org.gugus.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerMemoryTests {

    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void givesTheServerAnEighthOfTheMachinesMemory() {
        assertThat(ServerMemory.of(24 * GIB).sharedBuffersMb()).isEqualTo(3072);
        assertThat(ServerMemory.of(16 * GIB).sharedBuffersMb()).isEqualTo(2048);
    }

    @Test
    void keepsFiveHundredAndTwelveMegabytesOnASmallMachineOrOneItCannotMeasure() {
        assertThat(ServerMemory.of(2 * GIB).sharedBuffersMb()).isEqualTo(512);
        assertThat(ServerMemory.of(0).sharedBuffersMb()).isEqualTo(512);
    }

    @Test
    void takesNoMoreThanFourGigabytesOnALargeMachine() {
        assertThat(ServerMemory.of(256 * GIB).sharedBuffersMb()).isEqualTo(4096);
    }

    @Test
    void widensTheWalBuffersOnlyBesideLargeSharedBuffers() {
        assertThat(ServerMemory.of(24 * GIB).walBuffersMb()).isEqualTo(64);
        assertThat(ServerMemory.of(8 * GIB).walBuffersMb()).isEqualTo(16);
    }

    @Test
    void passesBothSettingsToTheServer() {
        assertThat(ServerMemory.of(24 * GIB).options()).isEqualTo(" -c shared_buffers=3072MB -c wal_buffers=64MB");
    }
}
