package org.gugus.intake.job;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gugus.intake.FileError;
import org.gugus.intake.FileOutcome;
import org.gugus.intake.IntakeFailedException;
import org.gugus.intake.IntakeRequest;
import org.gugus.intake.LoadStatus;
import org.gugus.warehouse.PublishCounts;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Writes what an intake job execution found into its execution context, and reads the file's
 * {@link FileOutcome} back from it. Plain strings and numbers, so any serializer of the job
 * repository keeps them.
 */
public final class JobOutcome {

    private static final String COUNTS = "outcome.counts.";
    private static final String REJECTIONS = "outcome.rejections.";
    private static final String WARNINGS = "outcome.warnings.";
    private static final String ERROR = "outcome.error.";
    private static final String[] COUNT_NAMES = {"rowsRead", "inserted", "updated", "unchanged", "duplicates",
            "rejected", "warnings"};

    private JobOutcome() {
    }

    static void putCounts(ExecutionContext context, PublishCounts counts) {
        long[] values = {counts.rowsRead(), counts.inserted(), counts.updated(), counts.unchanged(),
                counts.duplicates(), counts.rejected(), counts.warnings()};
        for (int i = 0; i < COUNT_NAMES.length; i++) {
            context.putLong(COUNTS + COUNT_NAMES[i], values[i]);
        }
        counts.rejectionsByCode().forEach((code, rows) -> context.putLong(REJECTIONS + code, rows));
        counts.warningsByCode().forEach((code, rows) -> context.putLong(WARNINGS + code, rows));
    }

    static void putError(ExecutionContext context, FileError error) {
        context.putString(ERROR + "code", error.code());
        context.putString(ERROR + "id", error.messageId());
        context.putString(ERROR + "en", error.messageEn());
    }

    /**
     * The outcome of the file the execution loaded.
     *
     * @throws IntakeFailedException when the execution neither loaded nor quarantined the file
     */
    public static FileOutcome report(IntakeRequest request, JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        String format = context.containsKey(DataRowReader.FORMAT) ? context.getString(DataRowReader.FORMAT) : null;
        FileError error = error(context);
        if (error != null) {
            return FileOutcome.quarantined(request.fileName(), request.fileId(), request.officeCode(), request.sha256(),
                    format, error);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IntakeFailedException(execution);
        }
        long skipped = context.containsKey(DataRowReader.SKIPPED_ROWS) ? context.getLong(DataRowReader.SKIPPED_ROWS) : 0;
        List<String> skippedSheets = context.containsKey(DataRowReader.SKIPPED_SHEETS)
                ? List.of(context.getString(DataRowReader.SKIPPED_SHEETS).split("\n")).stream()
                        .filter(sheet -> !sheet.isEmpty()).toList()
                : List.of();
        return new FileOutcome(request.fileName(), request.fileId(), request.officeCode(), request.sha256(), format,
                LoadStatus.LOADED, count(context, "rowsRead"), count(context, "inserted"), count(context, "updated"),
                count(context, "unchanged"), count(context, "duplicates"), count(context, "rejected"), skipped,
                count(context, "warnings"), byCode(context, REJECTIONS), byCode(context, WARNINGS), skippedSheets, null,
                null);
    }

    /** How the execution ended for its file, for the log: LOADED with its rows, QUARANTINED with its code, or its status. */
    public static String describe(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        FileError error = error(context);
        if (error != null) {
            return LoadStatus.QUARANTINED + " " + error.code();
        }
        if (execution.getStatus() == BatchStatus.COMPLETED && context.containsKey(COUNTS + "rowsRead")) {
            return LoadStatus.LOADED + ", " + count(context, "rowsRead") + " rows read";
        }
        return "not finished (" + execution.getStatus() + ")";
    }

    private static FileError error(ExecutionContext context) {
        if (!context.containsKey(ERROR + "code")) {
            return null;
        }
        return new FileError(context.getString(ERROR + "code"), context.getString(ERROR + "id"),
                context.getString(ERROR + "en"));
    }

    private static long count(ExecutionContext context, String name) {
        return context.getLong(COUNTS + name);
    }

    private static Map<String, Long> byCode(ExecutionContext context, String prefix) {
        Map<String, Long> counts = new TreeMap<>();
        context.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
                .forEach(entry -> counts.put(entry.getKey().substring(prefix.length()), ((Number) entry.getValue()).longValue()));
        return counts;
    }
}
