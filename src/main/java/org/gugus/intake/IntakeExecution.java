package org.gugus.intake;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One run of the intake job (a Spring Batch job execution) as the Jobs page shows it: which file,
 * how it went, and each step's counts. Times are as Spring Batch wrote them (the server's local time).
 *
 * @param status Spring Batch's status: STARTING, STARTED, COMPLETED, FAILED, STOPPED, ABANDONED…
 */
public record IntakeExecution(long id, long instanceId, Long fileId, String fileName, String office, String status,
        String exitCode, LocalDateTime start, LocalDateTime end, List<Step> steps) {

    public IntakeExecution {
        steps = List.copyOf(steps);
    }

    public boolean running() {
        return "STARTING".equals(status) || "STARTED".equals(status) || "STOPPING".equals(status);
    }

    /** A failed or stopped run: its file's load may be run again, resuming from its last committed chunk. */
    public boolean restartable() {
        return fileId != null && ("FAILED".equals(status) || "STOPPED".equals(status));
    }

    /** How long it ran, or has run so far; null before it started. */
    public Duration duration(LocalDateTime now) {
        return start == null ? null : Duration.between(start, end != null ? end : now);
    }

    /** One step of the run with Spring Batch's counts. */
    public record Step(String name, String status, long read, long written, long filtered, long skipped,
            long commits, LocalDateTime start, LocalDateTime end) {
    }
}
