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
import org.gugus.warehouse.VictimsPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
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
 * refresh write. {@link FeedbackOnLoad} takes the copied sheets when the load has finished, writes
 * the summary from the load's outcome and delivers the workbook, so the answer still exists before
 * the command returns and before an SFTP source sends it back. A file whose load does not end
 * LOADED has its copied sheets dropped and is answered as before. Off with
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
    private final AtomicLong taken = new AtomicLong();

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

    /** Ordered first: the persons resolution, another listener of the commit, runs for seconds on this thread. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void start(VictimsPublished published) {
        if (!enabled || published.fileId() == null) {
            return;
        }
        long fileId = published.fileId();
        try {
            Future<AnswerBook> answer = copying.submit(() -> copy(fileId));
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
