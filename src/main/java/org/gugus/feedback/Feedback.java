package org.gugus.feedback;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.gugus.access.PrivateFiles;
import org.gugus.intake.IntakeTemplate;
import org.gugus.intake.LoadStatus;
import org.gugus.ingest.FileAnswers;
import org.gugus.ingest.ReceivedFile;
import org.gugus.ingest.ReceivedFiles;
import org.gugus.reference.RegencyOffice;
import org.gugus.reference.RegencyOffices;
import org.gugus.system.Messages;
import org.gugus.warehouse.OutcomesBeforeCommit;
import org.gugus.warehouse.RowOutcomes;
import org.gugus.workbook.WorkbookReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Makes the answer workbook of a received file: into the office's outbox
 * ({@code $GUGUS_HOME/outbox/<office code>/<file id>-<name>.xlsx}, owner-only like every folder of
 * received files), or into any stream. Only a loaded or quarantined file has one.
 */
@Service
public class Feedback implements FileAnswers {

    private static final Logger log = LoggerFactory.getLogger(Feedback.class);

    static final String NO_OFFICE = "tanpa-kantor";

    private final ReceivedFiles files;
    private final RowOutcomes outcomes;
    private final IntakeTemplate template;
    private final Path outbox;
    private final ZoneId zone;
    private final int maxComments;
    private final KeptRows keptRows;

    Feedback(ReceivedFiles files, RowOutcomes outcomes, IntakeTemplate template, KeptRows keptRows,
            @Value("${gugus.feedback.outbox:${gugus.home}/outbox}") Path outbox,
            @Value("${gugus.time-zone:Asia/Makassar}") ZoneId zone,
            @Value("${gugus.feedback.max-comments:1000}") int maxComments) {
        this.files = files;
        this.outcomes = outcomes;
        this.template = template;
        this.outbox = outbox;
        this.zone = zone;
        this.maxComments = maxComments;
        this.keptRows = keptRows;
    }

    /**
     * The registered file, if it has an answer.
     *
     * @throws NoSuchElementException   for a file not registered
     * @throws IllegalArgumentException for a file neither loaded nor quarantined, saying why
     */
    public ReceivedFile answerable(long fileId) {
        ReceivedFile file = files.find(fileId)
                .orElseThrow(() -> new NoSuchElementException(Messages.get("feedback.not-found", fileId).both()));
        LoadStatus status = file.outcome() == null ? null : file.outcome().status();
        if (status == LoadStatus.ALREADY_RECEIVED) {
            throw new IllegalArgumentException(
                    Messages.get("feedback.already-received", fileId, file.outcome().alreadyReceivedAs()).both());
        }
        if (status != LoadStatus.LOADED && status != LoadStatus.QUARANTINED) {
            throw new IllegalArgumentException(Messages.get("feedback.not-finished", fileId, file.status()).both());
        }
        if (!Files.isRegularFile(file.landingPath())) {
            throw new IllegalArgumentException(Messages.get("feedback.purged", fileId).both());
        }
        return file;
    }

    /** Writes the file's answer workbook to {@code out} (not closed). */
    public void write(ReceivedFile file, OutputStream out) {
        try {
            book(file).write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The answer of a file whose publish just committed, its office's sheets copied already
     * ({@link AnswerBook#copyOfficeSheets}); its summary waits for the load's outcome
     * ({@link #deliver(long, AnswerBook)}). The caller closes it.
     */
    AnswerBook copyPublished(long fileId) {
        return copy(fileId, null);
    }

    /**
     * As {@link #copyPublished}, before the file's publish commits: its rows' outcomes as the publish will keep them
     * ({@code outcomes}), worked out beside it. Valid only once that publish has committed.
     */
    AnswerBook copyPublishing(long fileId, OutcomesBeforeCommit outcomes) {
        return copy(fileId, outcomes);
    }

    private AnswerBook copy(long fileId, OutcomesBeforeCommit beforeCommit) {
        ReceivedFile file = files.find(fileId)
                .orElseThrow(() -> new NoSuchElementException(Messages.get("feedback.not-found", fileId).both()));
        // the rows the stage read, when it kept them whole in this process: the original is not parsed again
        Optional<WorkbookReader> kept = keptRows.take(fileId);
        if (kept.isPresent()) {
            AnswerBook book = book(file, beforeCommit);
            try {
                book.copyOfficeSheets(true, kept.get());
                return book;
            } catch (RuntimeException e) {
                // the rows kept could not be read back: the original then, as without them
                log.info("Answer of file #{} copied from its original, its kept rows unreadable ({})", fileId,
                        e.getClass().getName());
                AnswersOnPublish.close(book);
            }
        }
        AnswerBook book = book(file, beforeCommit);
        try {
            book.copyOfficeSheets(true);
            return book;
        } catch (RuntimeException e) {
            try {
                book.close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private AnswerBook book(ReceivedFile file) {
        return book(file, null);
    }

    /** The file's answer, its rows' outcomes as kept, or as worked out before its publish's commit when given. */
    private AnswerBook book(ReceivedFile file, OutcomesBeforeCommit beforeCommit) {
        String officeName = file.officeCode() == null ? ""
                : RegencyOffices.byCode(file.officeCode()).map(RegencyOffice::name).orElse("");
        AnswerBook.Outcomes kept = beforeCommit != null ? beforeCommit::kept
                : (after, limit) -> outcomes.kept(file.id(), after, limit);
        return new AnswerBook(file, officeName, () -> outcomes.answer(file.id()), template, kept, zone, maxComments);
    }

    /** Makes the answer in the office's outbox, replacing an earlier one; returns where it is. */
    public Path deliver(long fileId) {
        return deliver(fileId, null);
    }

    /**
     * As {@link #deliver(long)}, finishing {@code copied} (the office's sheets copied when the file's
     * publish committed, {@link #copyPublished}) when the file was loaded; made whole otherwise.
     * Does not close {@code copied}.
     */
    Path deliver(long fileId, AnswerBook copied) {
        ReceivedFile file = answerable(fileId);
        boolean finishCopied = copied != null && file.outcome().status() == LoadStatus.LOADED;
        Path target = outboxPath(file);
        Path folder = PrivateFiles.folder(target.getParent());
        try {
            Path partial = Files.createTempFile(folder, "." + file.id() + "-", ".part");
            try {
                PrivateFiles.file(partial);
                try (OutputStream out = Files.newOutputStream(partial)) {
                    if (finishCopied) {
                        copied.finish(file, out);
                    } else {
                        write(file, out);
                    }
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    @Override
    public Optional<Path> answerOf(long fileId) {
        return files.find(fileId).map(this::outboxPath).filter(Files::isRegularFile);
    }

    /** {@code outbox/<office>/<id>-<name without extension>-hasil-pemeriksaan.xlsx}, the name made safe. */
    Path outboxPath(ReceivedFile file) {
        String name = file.originalName();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        base = base.substring(0, Math.min(base.length(), 80));
        return outbox.resolve(file.officeCode() == null ? NO_OFFICE : file.officeCode())
                .resolve(file.id() + "-" + base + "-hasil-pemeriksaan.xlsx");
    }
}
