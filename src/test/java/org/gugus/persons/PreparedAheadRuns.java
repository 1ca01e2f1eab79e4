package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;

import org.gugus.intake.FileOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the suites of a first load's records prepared ahead share: waiting for the work ahead of a publish to end, and
 * checking a run that took records prepared ahead against a run that prepares the same records itself.
 */
final class PreparedAheadRuns {

    private PreparedAheadRuns() {
    }

    /**
     * Waits, a minute at most, until the work ahead begun after {@code counts} ends ({@link RecordsPreparedAhead#counts}).
     */
    static void awaitDone(RecordsPreparedAhead ahead, long[] counts) {
        long until = System.nanoTime() + 60_000_000_000L;
        while (ahead.counts()[0] + ahead.counts()[1] == counts[0] + counts[1]) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the work ahead did not end");
            }
            Thread.onSpinWait();
        }
    }

    /**
     * The office's records made new again and resolved by a run preparing them itself: nothing changes (the persons,
     * links, queued pairs and block keys), and the loads compared hold pairs across the offices or within.
     */
    static void assertSameAsPreparedByTheRun(JdbcClient jdbc, PersonResolution resolution, FileOutcome load) {
        ResolvedOutcome outcome = ResolvedOutcome.of(jdbc);
        assertThat(outcome.links().size() + outcome.queue().size()).as("pairs across the offices and within")
                .isPositive();
        ResolvedOutcome.makeNew(jdbc, load.regency());
        resolution.resolvePending("test");
        assertThat(resolution.takenAhead()).isZero();
        assertThat(resolution.blocksAhead()).isFalse();
        assertThat(resolution.readWhole()).isEqualTo(-1);
        assertThat(ResolvedOutcome.of(jdbc)).isEqualTo(outcome);
    }
}
