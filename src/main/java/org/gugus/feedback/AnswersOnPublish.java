package org.gugus.feedback;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.gugus.warehouse.OutcomesBeforeCommit;
import org.gugus.warehouse.OutcomesWorkedOutAhead;
import org.gugus.warehouse.VictimsPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts a loaded file's answer as soon as its publish commits, on a thread of its own, so that
 * copying the office's sheets (most of an answer's work) runs beside the persons resolution and the
 * reporting refresh that follow the publish in the same command, rather than after them. It reads
 * only what the publish committed (the registry's row of the file, its kept row outcomes and
 * findings, the settlement of an answer sent back) and the original; nothing the resolution or the
 * refresh write. An office's first delivery starts earlier, once its records are written, from the
 * outcomes its publish works out beside it ({@link #startBeforeCommit}); that copy becomes the answer's
 * at the commit and is dropped by a rollback. {@link FeedbackOnLoad} takes the copied sheets when the
 * load has finished, writes the summary from the load's outcome and delivers the workbook, so the
 * answer still exists before the command returns and before an SFTP source sends it back. A file
 * whose load does not end LOADED has its copied sheets dropped and is answered as before. Off with
 * {@code gugus.feedback.start-on-publish=false}. On any heap: the copy holds a few batches of rows, a
 * window of sheet rows and at most the comments' shapes, and the persons resolution beside it bounds
 * itself to half the heap (a million-row workbook's answer ran beside it under {@code -Xmx256m}). With
 * {@code gugus.feedback.prepare-on-start=true} (a command that loads files) the workbook library is
 * made ready on the same thread while Gugus starts ({@link AnswerBook#prepare()}).
 */
@Component
class AnswersOnPublish implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AnswersOnPublish.class);
    /** Copied answers no finished load took (a publish outside a reception): dropped beyond this many. */
    private static final int MAX_UNTAKEN = 4;
    private final Feedback feedback;
    private final boolean enabled;
    private final ExecutorService copying;
    /** Answers being copied or copied, by file, oldest first. */
    private final Map<Long, Future<AnswerBook>> started = new LinkedHashMap<>();
    /**
     * Answers being copied before their publish commits, by file (null when their outcomes were not worked out ahead):
     * moved to {@link #started} by the commit, dropped by a rollback.
     */
    private final Map<Long, Future<AnswerBook>> beforeCommit = new LinkedHashMap<>();
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong copiedBeforeCommit = new AtomicLong();

    AnswersOnPublish(Feedback feedback, @Value("${gugus.feedback.start-on-publish:true}") boolean enabled,
            @Value("${gugus.feedback.prepare-on-start:false}") boolean prepare) {
        this.feedback = feedback;
        this.enabled = enabled;
        // one answer at a time: the answer's own reading and deflating threads take the rest
        this.copying = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "gugus-answer");
            thread.setDaemon(true);
            return thread;
        });
        if (this.enabled && prepare) {
            // a command that loads a file: the workbook library made ready while Gugus starts, on a core the start
            // leaves mostly idle, rather than by the first answer beside the persons and the refresh (the same
            // thread, so an answer started on a publish runs after it)
            copying.execute(AnswersOnPublish::prepare);
        }
    }

    private static void prepare() {
        long start = System.nanoTime();
        try {
            AnswerBook.prepare();
            log.debug("Answer workbooks made ready in {} s", "%.2f".formatted((System.nanoTime() - start) / 1e9));
        } catch (IOException | RuntimeException e) {
            // only the first answer's speed depends on it
            log.info("Answer workbooks not made ready ahead ({})", e.getClass().getName());
        }
    }

    /**
     * An office's first delivery: its sheets copied from its rows' outcomes worked out beside its publish, once its
     * records are written, while the publish's one server process builds their index and writes its narrower tables
     * and the other core would idle (at a million rows the copy took 8.5-10.9 s after the commit, beside the persons
     * resolution's scoring on both cores; 3.6 s here; issue 13). Started as soon as the outcomes were worked out, it
     * shared the cores with the persons' preparation and the records' insert, and the publish took longer. The copy is
     * the answer's only once the publish commits ({@link #start}). Nothing else the publish's transaction writes after
     * the outcomes changes the sheets: an answer sent back settles after its publish, and its settlement can drop the
     * answer's own rejections (which the sheets show) only where the file it answers kept rejections, which means the
     * office had a publish and this one is not its first delivery; the settlement itself is read for the summary when
     * the answer is finished.
     */
    @EventListener
    void startBeforeCommit(OutcomesWorkedOutAhead publishing) {
        if (!enabled) {
            return;
        }
        long fileId = publishing.fileId();
        try {
            Future<AnswerBook> answer = copying.submit(() -> {
                Optional<OutcomesBeforeCommit> outcomes = publishing.outcomes().get();
                return outcomes.isPresent() ? copy(fileId, outcomes.get()) : null;
            });
            synchronized (started) {
                drop(beforeCommit.put(fileId, answer));
            }
        } catch (RuntimeException e) {
            // rejected once the application is closing
            log.warn("Answer of file #{} not started before its publish's commit ({})", fileId, e.getClass().getName());
        }
    }

    /** A publish that rolled back: what was copied from the outcomes it would have kept is no one's answer. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK)
    void dropBeforeCommit(OutcomesWorkedOutAhead publishing) {
        synchronized (started) {
            drop(beforeCommit.remove(publishing.fileId()));
        }
    }

    /** Ordered first: the persons resolution, another listener of the commit, runs for seconds on this thread. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void start(VictimsPublished published) {
        if (!enabled || published.fileId() == null) {
            return;
        }
        long fileId = published.fileId();
        Future<AnswerBook> copiedAhead;
        synchronized (started) {
            copiedAhead = beforeCommit.remove(fileId);
        }
        try {
            // after the copy begun before the commit, on the same thread: taken when it copied, else copied as
            // committed
            Future<AnswerBook> answer = copying.submit(() -> {
                AnswerBook ahead = copiedAhead == null ? null : copiedBeforeCommit(fileId, copiedAhead);
                return ahead != null ? ahead : copy(fileId);
            });
            synchronized (started) {
                drop(started.put(fileId, answer));
                for (Iterator<Future<AnswerBook>> oldest = started.values().iterator();
                        started.size() > MAX_UNTAKEN; ) {
                    drop(oldest.next());
                    oldest.remove();
                }
            }
        } catch (RuntimeException e) {
            // rejected once the application is closing: the answer is then made whole when the load finishes
            log.warn("Answer of file #{} not started on its publish ({})", fileId, e.getClass().getName());
        }
    }

    private AnswerBook copy(long fileId) {
        long start = System.nanoTime();
        AnswerBook book = feedback.copyPublished(fileId);
        log.info("Answer workbook of file #{}: office's sheets copied on its publish in {} s", fileId,
                "%.2f".formatted((System.nanoTime() - start) / 1e9));
        return book;
    }

    private AnswerBook copy(long fileId, OutcomesBeforeCommit outcomes) {
        long start = System.nanoTime();
        AnswerBook book = feedback.copyPublishing(fileId, outcomes);
        log.info("Answer workbook of file #{}: office's sheets copied before its publish's commit in {} s", fileId,
                "%.2f".formatted((System.nanoTime() - start) / 1e9));
        return book;
    }

    /** The copy begun before the commit, when it copied; else null. */
    private AnswerBook copiedBeforeCommit(long fileId, Future<AnswerBook> copiedAhead) throws InterruptedException {
        AnswerBook ahead;
        try {
            ahead = copiedAhead.get();
        } catch (ExecutionException e) {
            // the exception's class only: a reader's message may quote a cell
            log.info("Answer of file #{} copied again after its publish's commit ({})", fileId,
                    e.getCause().getClass().getName());
            return null;
        }
        if (ahead != null) {
            copiedBeforeCommit.incrementAndGet();
        }
        return ahead;
    }

    /**
     * The answer of a published file with its office's sheets copied, once they are (waiting for
     * them); empty when none was started for it.
     *
     * @throws RuntimeException what copying them threw
     */
    Optional<AnswerBook> take(long fileId) {
        Future<AnswerBook> answer;
        synchronized (started) {
            answer = started.remove(fileId);
        }
        if (answer == null) {
            return Optional.empty();
        }
        try {
            AnswerBook book = answer.get();
            taken.incrementAndGet();
            return Optional.of(book);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drop(answer);
            return Optional.empty();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("Answer of file #" + fileId + " not copied", e.getCause());
        }
    }

    /** Drops the answer started for a file whose load did not end loaded, if any. */
    void drop(long fileId) {
        synchronized (started) {
            drop(started.remove(fileId));
        }
    }

    /** How many answers were finished from sheets copied on their publish (for tests). */
    long taken() {
        return taken.get();
    }

    /** How many copies begun before their publish's commit were taken as its answer's (for tests). */
    long copiedBeforeCommit() {
        return copiedBeforeCommit.get();
    }

    /** Closes the answer once copied, after the copy on the same thread, so a caller never waits for it. */
    private void drop(Future<AnswerBook> answer) {
        if (answer == null) {
            return;
        }
        try {
            copying.execute(() -> {
                try {
                    close(answer.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    // copying failed: nothing to close
                }
            });
        } catch (RuntimeException e) {
            // the application is closing: the copy was stopped with it
            answer.cancel(true);
        }
    }

    static void close(AnswerBook book) {
        if (book == null) {
            return;
        }
        try {
            book.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Answer workbook's temporary data not dropped ({})", e.getClass().getName());
        }
    }

    @Override
    public void destroy() {
        copying.shutdownNow();
    }
}
