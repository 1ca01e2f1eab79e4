package org.gugus.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.gugus.system.database.ServerOwner.Owner;
import org.junit.jupiter.api.Test;

class ServerOwnerTests {

    private final ProcessHandle self = ProcessHandle.current();

    @Test
    void recognisesALiveOwnerFromTheLineItWrote() {
        Owner written = Owner.of(self);

        Owner read = Owner.parse(written.line()).orElseThrow();

        assertThat(read).isEqualTo(written);
        assertThat(read.is(self)).isTrue();
    }

    @Test
    void recordsTheKernelsTicksWhereThereIsProc() {
        assertThat(ServerOwner.ticksSinceBoot(self.pid())).isPresent();
        assertThat(Owner.of(self).line()).startsWith(self.pid() + " ticks:");
    }

    @Test
    void takesAProcessThatStartedAtAnotherTickForALaterProcessGivenTheOwnersId() {
        long ticks = ServerOwner.ticksSinceBoot(self.pid()).orElseThrow();

        assertThat(Owner.parse(self.pid() + " ticks:" + (ticks + 1)).orElseThrow().is(self)).isFalse();
    }

    @Test
    void comparesAnOlderOwnerFilesStartInstantWithinTwoSeconds() {
        long started = self.info().startInstant().map(Instant::toEpochMilli).orElseThrow();

        assertThat(Owner.parse(self.pid() + " " + (started + 1_000)).orElseThrow().is(self)).as("a boot time moved by 1 s").isTrue();
        assertThat(Owner.parse(self.pid() + " " + (started - 60_000)).orElseThrow().is(self)).as("a minute earlier").isFalse();
    }

    @Test
    void readsNoOwnerFromAnUnreadableLine() {
        assertThat(Owner.parse("")).isEmpty();
        assertThat(Owner.parse("12 x")).isEmpty();
    }
}
