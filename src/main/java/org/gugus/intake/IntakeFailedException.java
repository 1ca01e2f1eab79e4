package org.gugus.intake;

import java.util.stream.Collectors;
import org.springframework.batch.core.job.JobExecution;

/**
 * An intake job ended without loading or quarantining its file; re-running it resumes the load.
 * Its cause is the job's first failure, so one log entry shows where it happened.
 */
public class IntakeFailedException extends RuntimeException {

    public IntakeFailedException(JobExecution execution) {
        super("Intake job execution " + execution.getId() + " ended " + execution.getStatus() + ": "
                + execution.getAllFailureExceptions().stream().map(Throwable::getMessage).collect(Collectors.joining("; ")),
                execution.getAllFailureExceptions().stream().findFirst().orElse(null));
    }
}
