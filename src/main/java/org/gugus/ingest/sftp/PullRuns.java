package org.gugus.ingest.sftp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gugus.intake.FileOutcome;
import org.gugus.ingest.sftp.PullRun.State;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;

/**
 * Pulls asked for over REST: each runs on the poll threads, never on the request's, and is kept
 * (the last {@value #HISTORY}, in memory: a run is for watching, the file registry is the record)
 * so its caller can follow it. A second request while an office's pull runs gets that pull.
 */
@Component
class PullRuns {

    static final int HISTORY = 100;

    private final SftpSources sources;
    private final PollThreads threads;
    private final Map<String, Run> runs = new LinkedHashMap<>();

    PullRuns(SftpSources sources, PollThreads threads) {
        this.sources = sources;
        this.threads = threads;
    }

    /** Starts a pull of the office, or finds the one running; returns it as it is now. */
    synchronized PullRun start(OfficePoll poll) {
        String office = poll.source().officeCode();
        Optional<Run> running = runs.values().stream().filter(run -> run.office.equals(office) && run.running()).findFirst();
        if (running.isPresent()) {
            return running.get().view();
        }
        Run run = new Run(UUID.randomUUID().toString(), office);
        runs.put(run.id, run);
        while (runs.size() > HISTORY) {
            runs.remove(runs.keySet().iterator().next());
        }
        try {
            threads.scheduler().submit(() -> {
                try {
                    run.finish(sources.pull(poll, run));
                } catch (RuntimeException e) {
                    // e.g. the route cannot start: the run must still end, with why
                    run.finish(new PullReport(office, List.of(), SftpFailure.of(e, poll.source()), run.attempts()));
                    throw e;
                }
            });
        } catch (TaskRejectedException stopping) {
            run.finish(new PullReport(office, List.of(), SftpFailure.interrupted(office), 0));
        }
        return run.view();
    }

    synchronized Optional<PullRun> find(String office, String id) {
        return Optional.ofNullable(runs.get(id)).filter(run -> run.office.equals(office)).map(Run::view);
    }

    /** One pull as it goes; hears its files and failed attempts on the pull's thread. */
    private static final class Run implements PullListener {

        private final String id;
        private final String office;
        private final Instant startedAt = Instant.now();
        private final List<FileOutcome> files = new ArrayList<>();
        private int attempts;
        private Instant nextAttemptAt;
        private PullReport report;
        private Instant finishedAt;

        Run(String id, String office) {
            this.id = id;
            this.office = office;
        }

        @Override
        public synchronized void delivered(FileOutcome delivery) {
            files.add(delivery);
        }

        @Override
        public synchronized void attemptFailed(int attempt, int of, SftpFailure failure, Duration nextWait) {
            attempts = attempt;
            nextAttemptAt = nextWait == null ? null : Instant.now().plus(nextWait);
        }

        synchronized void finish(PullReport report) {
            this.report = report;
            this.finishedAt = Instant.now();
            this.attempts = report.attempts();
            this.nextAttemptAt = null;
        }

        synchronized int attempts() {
            return attempts;
        }

        synchronized boolean running() {
            return report == null;
        }

        synchronized PullRun view() {
            if (report == null) {
                return new PullRun(id, office, State.RUNNING, startedAt, null, attempts, nextAttemptAt,
                        List.copyOf(files), null);
            }
            return new PullRun(id, office, State.FINISHED, startedAt, finishedAt, attempts, null,
                    List.copyOf(files), report.failure());
        }
    }
}
