package org.gugus.intake.job;

import org.gugus.access.PseudonymKey;
import org.gugus.intake.FileRowsRead;
import org.gugus.intake.IntakeTemplate;
import org.gugus.intake.QuarantineException;

import java.nio.file.Path;
import java.time.LocalDate;
import org.gugus.warehouse.OfficeContentHashes;
import org.gugus.warehouse.PublishCounts;
import org.gugus.warehouse.RowOutcomes;
import org.gugus.warehouse.StagedOutcomes;
import org.gugus.warehouse.StagedRow;
import org.gugus.warehouse.StagingArea;
import org.gugus.warehouse.WarehousePublisher;
import org.gugus.workbook.WorkbookLimits;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The intake job, one instance per received file (its registry id is the identifying parameter):
 * {@code stage} reads, maps and judges every row chunk by chunk into the staging table, restartable
 * from its last committed chunk; {@code publish} moves the staged file into the warehouse in one
 * transaction. A file-level error ends the job as QUARANTINED with nothing published.
 */
@Configuration(proxyBeanMethods = false)
public class IntakeJobConfiguration {

    public static final String JOB_NAME = "intake";
    static final String QUARANTINED = "QUARANTINED";

    @Bean
    Job intakeJob(JobRepository jobRepository, Step intakeStage, Step intakePublish) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(intakeStage).on(QUARANTINED).end(QUARANTINED)
                .from(intakeStage).on(ExitStatus.FAILED.getExitCode()).fail()
                .from(intakeStage).on("*").to(intakePublish)
                .end()
                .build();
    }

    @Bean
    Step intakeStage(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JudgingReader intakeReader, StagingArea staging, QuarantineListener quarantineListener,
            ObjectProvider<ItemWriteListener<StagedRow>> writeListeners) {
        ItemWriter<StagedRow> rows = staging.writer();
        // one item a block of rows (a chunk's worth, gugus.intake.chunk-size), so one a chunk
        return new StepBuilder("stage", jobRepository)
                .<JudgedRows, StagedRows>chunk(1)
                .transactionManager(transactionManager)
                .reader(intakeReader)
                .processor(intakeReader::judged)
                .writer(blocks -> {
                    long start = System.nanoTime();
                    rows.write(StagedRows.of(blocks));
                    intakeReader.written(System.nanoTime() - start);
                })
                .listener(quarantineListener)
                .listener(new StagedRowListeners(writeListeners.orderedStream().toList()))
                .build();
    }

    /**
     * Reads the file's data rows and has them judged on {@link RowJudges}' threads meanwhile. The
     * judge is a plain object here, not a step-scoped bean: the judge threads have no step context.
     */
    @Bean
    @StepScope
    JudgingReader intakeReader(@Value("#{jobParameters['file']}") String file,
            @Value("#{jobParameters['fileName']}") String fileName,
            @Value("#{jobParameters['fileId']}") Long fileId,
            @Value("#{jobParameters['office']}") String office,
            @Value("#{jobParameters['receivedOn']}") LocalDate receivedOn, IntakeTemplate template, PseudonymKey key,
            RowJudges judges, StagingArea staging, OfficeContentHashes contentHashes,
            @Value("${gugus.intake.chunk-size:5000}") int chunkSize,
            @Value("${gugus.intake.max-rows:2000000}") long maxRows,
            @Value("${gugus.workbook.max-cell-chars:32767}") int maxCellChars,
            @Value("${gugus.workbook.max-line-chars:1048576}") int maxLineChars,
            @Value("${gugus.workbook.max-columns:16384}") int maxColumns, ObjectProvider<FileRowsRead> rowsRead) {
        // the rows read are told to whoever keeps them for a later pass (the answer workbook's copy)
        FileRowsRead told = rowsRead.getIfAvailable();
        DataRowReader rows = new DataRowReader(Path.of(file), fileName, template, maxRows,
                new WorkbookLimits(maxCellChars, maxLineChars, maxColumns),
                format -> told == null ? null : told.reading(fileId, format));
        // rows repeating a record's row cell for cell are staged without being judged again; the office's
        // row hashes, and the function its records' content hashes were made by, are read beside the file's
        // first rows
        KnownRowsLoad known = KnownRowsLoad.start(fileId, () -> ContentHashFunction.ofOffice(contentHashes, office),
                () -> staging.knownRows(fileId, office, receivedOn));
        // a file whose valid rows repeat no identity (as a rule) is published without ranking them, its valid
        // rows' count is kept for the persons' preparation beside its publish, and its rows' outcomes as staged
        StagedOutcomes outcomes = new StagedOutcomes();
        return new JudgingReader(rows, new RowJudge(fileId, office, receivedOn, template, key, known), judges,
                chunkSize, outcomes, seen -> staging.stagedWhole(fileId, seen.validRows(), seen.distinct(),
                        seen.caseDatesAgree(), outcomes));
    }

    @Bean
    @StepScope
    QuarantineListener quarantineListener(@Value("#{jobParameters['fileId']}") Long fileId, StagingArea staging) {
        return new QuarantineListener(fileId, staging);
    }

    @Bean
    Step intakePublish(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WarehousePublisher publisher, RowOutcomes rowOutcomes, StagingArea staging, IntakeTemplate template,
            PseudonymKey key, OfficeContentHashes contentHashes, @Value("${gugus.intake.max-rows:2000000}") long maxRows,
            @Value("${gugus.workbook.max-cell-chars:32767}") int maxCellChars,
            @Value("${gugus.workbook.max-line-chars:1048576}") int maxLineChars,
            @Value("${gugus.workbook.max-columns:16384}") int maxColumns) {
        return new StepBuilder("publish", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    var parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
                    long fileId = parameters.getLong("fileId");
                    String office = parameters.getString("office");
                    LocalDate receivedOn = parameters.getLocalDate("receivedOn");
                    // thin rows whose record changed since they were staged: judged again, under the publish's lock
                    PublishCounts counts = publisher.publish(fileId, office, receivedOn,
                            stale -> StaleRepeats.judgeAgain(staging, fileId, stale,
                                    () -> new DataRowReader(Path.of(parameters.getString("file")), parameters.getString("fileName"),
                                            template, maxRows, new WorkbookLimits(maxCellChars, maxLineChars, maxColumns)),
                                    new RowJudge(fileId, office, receivedOn, template, key,
                                            ContentHashFunction.ofOffice(contentHashes, office))));
                    var jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
                    JobOutcome.putCounts(jobContext, counts);
                    if (jobContext.containsKey(DataRowReader.ANSWERS_FILE)) {
                        // an answer workbook sent back fixed: settle the rejections of the file it answers
                        rowOutcomes.settleAnswer(parameters.getLong("fileId"), jobContext.getLong(DataRowReader.ANSWERS_FILE),
                                parameters.getString("office"));
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /** Turns a file-level error of the stage step into the job's QUARANTINED outcome and drops what was staged. */
    static class QuarantineListener implements StepExecutionListener {

        private final long fileId;
        private final StagingArea staging;

        QuarantineListener(long fileId, StagingArea staging) {
            this.fileId = fileId;
            this.staging = staging;
        }

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            var jobContext = stepExecution.getJobExecution().getExecutionContext();
            stepExecution.getExecutionContext().entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith(DataRowReader.SUMMARY_PREFIX))
                    .forEach(entry -> jobContext.put(entry.getKey(), entry.getValue()));
            for (Throwable failure : stepExecution.getFailureExceptions()) {
                for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                    if (cause instanceof QuarantineException quarantine) {
                        JobOutcome.putError(jobContext, quarantine.error());
                        staging.discard(fileId);
                        return new ExitStatus(QUARANTINED, quarantine.getMessage());
                    }
                }
            }
            return stepExecution.getExitStatus();
        }
    }
}
