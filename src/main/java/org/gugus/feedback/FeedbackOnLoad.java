package org.gugus.feedback;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Optional;
import org.gugus.intake.LoadStatus;
import org.gugus.ingest.FileFinished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Answers every loaded or quarantined file right after its load, into the office's outbox, before
 * the channel that received it moves on (so an SFTP source can send the answer back). A loaded
 * file's sheets were copied already when its publish committed ({@link AnswersOnPublish}): what is
 * left is its summary and the workbook's files. An answer that cannot be made never undoes the load:
 * it is logged, and {@code gugus feedback} makes it again.
 */
@Component
class FeedbackOnLoad {

    private static final Logger log = LoggerFactory.getLogger(FeedbackOnLoad.class);

    private final Feedback feedback;
    private final AnswersOnPublish onPublish;
    private final KeptRows keptRows;

    FeedbackOnLoad(Feedback feedback, AnswersOnPublish onPublish, KeptRows keptRows) {
        this.feedback = feedback;
        this.onPublish = onPublish;
        this.keptRows = keptRows;
    }

    @EventListener
    void answer(FileFinished finished) {
        LoadStatus status = finished.outcome().status();
        if (status != LoadStatus.LOADED) {
            // a load that failed after its publish committed: its answer is made when it is loaded again
            onPublish.drop(finished.fileId());
            // and the rows its stage read, which no answer takes (quarantined, or failed after its stage)
            keptRows.drop(finished.fileId());
        }
        if (status != LoadStatus.LOADED && status != LoadStatus.QUARANTINED) {
            return;
        }
        try {
            long start = System.nanoTime();
            long cpu = processCpu();
            // the office's sheets copied when the publish committed, beside the persons resolution, if they were
            Optional<AnswerBook> copied = status == LoadStatus.LOADED ? onPublish.take(finished.fileId())
                    : Optional.empty();
            double waited = (System.nanoTime() - start) / 1e9;
            Path answer;
            try {
                answer = feedback.deliver(finished.fileId(), copied.orElse(null));
            } finally {
                copied.ifPresent(AnswersOnPublish::close);
            }
            // the process's CPU time beside the wall time: on a shared machine it says what the answer cost
            // (with sheets copied ahead, the CPU of whatever else ran while they were waited for)
            log.info("Answer workbook of file #{} written to {} in {} s ({} s of CPU){}", finished.fileId(), answer,
                    "%.2f".formatted((System.nanoTime() - start) / 1e9), "%.2f".formatted((processCpu() - cpu) / 1e9),
                    copied.isPresent() ? ", its sheets copied on its publish (%.2f s waited for them)".formatted(waited)
                            : "");
        } catch (RuntimeException e) {
            // the exception's class only: a message of a reader or of POI may quote a cell
            log.warn("Answer workbook of file #{} not made ({}); make it with: gugus feedback {}", finished.fileId(),
                    e.getClass().getName(), finished.fileId());
        }
    }

    /** The CPU time of all the process's threads (the answer's reading and deflating threads too), in ns. */
    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os ? os.getProcessCpuTime()
                : 0;
    }
}
