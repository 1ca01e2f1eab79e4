package org.gugus.intake;

import org.gugus.intake.job.IntakeJobConfiguration;
import org.gugus.intake.job.JobOutcome;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a received file through the intake job and reports the outcome. A file already loaded
 * reports its earlier outcome; an interrupted load resumes from its last committed chunk. A
 * PostgreSQL advisory lock per file keeps two Gugus instances from loading one file at once.
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
    private static final int LOCK_NAMESPACE = 0x6775_6775;

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job intakeJob;
    private final DataSource dataSource;
    private final LoadProgress progress;

    IntakeService(JobOperator jobOperator, JobRepository jobRepository, Job intakeJob, DataSource dataSource,
            LoadProgress progress, JsonMapper json) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.intakeJob = intakeJob;
        this.dataSource = dataSource;
        this.progress = progress;
        JobEventsAhead.prepareInBackground();
        // the outcome's JSON, written, read and printed at a load's end, made ready while Gugus starts
        OutcomeJsonAhead.prepareInBackground(json);
    }

    /**
     * Loads the file, or resumes its interrupted load, or reports the outcome of its finished load.
     *
     * @throws IntakeFailedException when the job ended without loading or quarantining the file
     */
    public FileOutcome load(IntakeRequest request) {
        JobParameters parameters = new JobParametersBuilder()
                .addLong("fileId", request.fileId())
                .addString("file", request.file().toString(), false)
                .addString("fileName", request.fileName(), false)
                .addString("office", request.officeCode(), false)
                .addLocalDate("receivedOn", request.receivedOn(), false)
                .toJobParameters();
        try (Connection lockConnection = dataSource.getConnection()) {
            if (!tryLock(lockConnection, request.fileId())) {
                throw new IllegalStateException("File #" + request.fileId() + " is being loaded by another Gugus instance");
            }
            try {
                recoverAbandonedExecution(parameters);
                JobExecution execution = run(parameters);
                // Spring Batch logs a quarantined file's job as COMPLETED; this line says what it really became
                log.info("Intake job execution {} of file #{} ended: {}", execution.getId(), request.fileId(),
                        JobOutcome.describe(execution));
                return JobOutcome.report(request, execution);
            } finally {
                progress.finished(request.fileId());
                unlock(lockConnection, request.fileId());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock file #" + request.fileId() + " for loading", e);
        }
    }

    private JobExecution run(JobParameters parameters) {
        try {
            return jobOperator.start(intakeJob, parameters);
        } catch (JobInstanceAlreadyCompleteException e) {
            return jobRepository.getLastJobExecution(IntakeJobConfiguration.JOB_NAME, parameters);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot run the intake job for " + parameters, e);
        }
    }

    /**
     * An execution still marked running while we hold the file's lock was left by a process that
     * died; it is marked failed so the job restarts from its last committed chunk.
     */
    private void recoverAbandonedExecution(JobParameters parameters) {
        JobExecution last = jobRepository.getLastJobExecution(IntakeJobConfiguration.JOB_NAME, parameters);
        if (last != null && last.getStatus().isRunning()) {
            log.warn("Intake of file #{} was interrupted (execution {}); resuming it",
                    parameters.getLong("fileId"), last.getId());
            jobOperator.recover(last);
        }
    }

    private static boolean tryLock(Connection connection, long fileId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            statement.setInt(1, LOCK_NAMESPACE);
            statement.setInt(2, (int) fileId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection, long fileId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            statement.setInt(1, LOCK_NAMESPACE);
            statement.setInt(2, (int) fileId);
            statement.execute();
        }
    }
}
