package org.gugus.web;

import java.util.List;
import java.util.OptionalLong;
import org.gugus.intake.IntakeExecution;

/**
 * One event of a load's progress stream, as the page's script reads it (JSON, snake_case): which run,
 * its Spring Batch status (or, at the end of an upload, the file's outcome), the data rows read so far,
 * the step running now and every step's counts.
 *
 * @param status STARTED, COMPLETED, FAILED… for a run; RUNNING then LOADED, REJECTED, FAILED… for an upload
 */
record LoadReport(Long execution, Long fileId, String status, long rowsRead, String step, List<StepCounts> steps) {

    static final String RUNNING = "RUNNING";

    /** A run as it stands, with the rows its load has read (counted per chunk as it is written). */
    static LoadReport of(IntakeExecution run, OptionalLong rowsRead) {
        List<StepCounts> steps = run.steps().stream()
                .map(s -> new StepCounts(s.name(), s.status(), s.read(), s.written(), s.skipped())).toList();
        String step = run.steps().stream().filter(s -> !"COMPLETED".equals(s.status())).map(IntakeExecution.Step::name)
                .reduce((first, second) -> second).orElse(null);
        long read = rowsRead.orElse(run.steps().stream().mapToLong(IntakeExecution.Step::read).max().orElse(0));
        return new LoadReport(run.id(), run.fileId(), run.status(), read, run.running() ? step : null, steps);
    }

    /** A step's counts: read, written, skipped. */
    record StepCounts(String name, String status, long read, long written, long skipped) {
    }
}
