package org.gugus.feedback;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import org.gugus.persons.PersonsChanged;
import org.gugus.warehouse.VictimsPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts a loaded file's answer once its publish committed, on a thread of its own, so that copying
 * the office's sheets (most of an answer's work) runs beside the reporting refresh that follows the
 * publish in the same command, rather than after it. The copy is held from the publish's commit
 * until the persons resolution announces its change ({@link PersonsChanged}, just before the
 * refresh): the resolution keeps both cores busy (its scoring and the server), the refresh mostly
 * the server, so the copy beside the resolution made the resolution longer (a million-row workbook's
 * by 11 s) while beside the refresh it uses the core the refresh leaves idle. When no change is
 * announced (the resolution failed or changed no one) it starts when the load's end takes it. With
 * {@code gugus.feedback.copy-after-persons=false} it starts at the publish's commit, beside the
 * resolution, as before. It reads
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
    /** Whether a copy waits for the persons resolution's change (else it starts on the publish's commit). */
    private final boolean afterPersons;
    /** Answers held, being copied or copied, by file, oldest first. */
    private final Map<Long, Future<AnswerBook>> started = new LinkedHashMap<>();
    /** The answers held for the persons resolution's change, not given to the copying thread yet. */
    private final Map<Long, FutureTask<AnswerBook>> held = new LinkedHashMap<>();
    private final AtomicLong taken = new AtomicLong();

    AnswersOnPublish(Feedback feedback, @Value("${gugus.feedback.start-on-publish:true}") boolean enabled,
            @Value("${gugus.feedback.prepare-on-start:false}") boolean prepare,
            @Value("${gugus.feedback.copy-after-persons:true}") boolean afterPersons) {
        this.feedback = feedback;
        this.enabled = enabled;
        this.afterPersons = afterPersons;
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
     * Ordered first: the persons resolution, another listener of the commit, runs for seconds on this thread. Holds
     * the copy for the resolution's change (or starts it at once without {@code copy-after-persons}).
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void start(VictimsPublished published) {
        if (!enabled || published.fileId() == null) {
            return;
        }
        long fileId = published.fileId();
        try {
            long publishedAt = System.nanoTime();
            FutureTask<AnswerBook> answer = new FutureTask<>(() -> copy(fileId, publishedAt));
            synchronized (started) {
                drop(fileId, started.put(fileId, answer));
                if (afterPersons) {
                    held.put(fileId, answer);
                } else {
                    copying.execute(answer);
                }
                for (Iterator<Map.Entry<Long, Future<AnswerBook>>> oldest = started.entrySet().iterator();
                        started.size() > MAX_UNTAKEN; ) {
                    Map.Entry<Long, Future<AnswerBook>> entry = oldest.next();
                    oldest.remove();
                    drop(entry.getKey(), entry.getValue());
                }
            }
        } catch (RuntimeException e) {
            // rejected once the application is closing: the answer is then made whole when the load finishes
            synchronized (started) {
                held.remove(fileId);
                started.remove(fileId);
            }
            log.warn("Answer of file #{} not started on its publish ({})", fileId, e.getClass().getName());
        }
    }

    /**
     * The persons resolution committed and the reporting refresh follows on its thread: the held copies start now,
     * beside the refresh. Ordered first, before the refresh (another listener of the change).
     */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void release(PersonsChanged changed) {
        synchronized (started) {
            held.keySet().forEach(this::release);
            held.clear();
        }
    }

    /** Gives a held copy to the copying thread; called holding {@code started}. */
    private void release(long fileId) {
        FutureTask<AnswerBook> answer = held.get(fileId);
        if (answer == null) {
            return;
        }
        try {
            copying.execute(answer);
        } catch (RuntimeException e) {
            // the application is closing: whoever takes it is told by the cancelled copy
            answer.cancel(false);
        }
    }

    private AnswerBook copy(long fileId, long publishedAt) {
        long start = System.nanoTime();
        AnswerBook book = feedback.copyPublished(fileId);
        log.info("Answer workbook of file #{}: office's sheets copied in {} s, started {} s after its publish", fileId,
                "%.2f".formatted((System.nanoTime() - start) / 1e9), "%.2f".formatted((start - publishedAt) / 1e9));
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
            // no change announced for it (the resolution failed or changed no one): started now, waited for below
            release(fileId);
            held.remove(fileId);
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
            synchronized (started) {
                drop(fileId, answer);
            }
            return Optional.empty();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("Answer of file #" + fileId + " not copied", e.getCause());
        } catch (CancellationException e) {
            // the application is closing: made whole instead
            return Optional.empty();
        }
    }

    /** Drops the answer started for a file whose load did not end loaded, if any. */
    void drop(long fileId) {
        synchronized (started) {
            drop(fileId, started.remove(fileId));
        }
    }

    /** How many answers were finished from sheets copied on their publish (for tests). */
    long taken() {
        return taken.get();
    }

    /**
     * Closes the answer once copied, after the copy on the same thread, so a caller never waits for it; one still
     * held is cancelled, never copied. Called holding {@code started}.
     */
    private void drop(long fileId, Future<AnswerBook> answer) {
        if (answer == null) {
            return;
        }
        if (held.remove(fileId) != null) {
            answer.cancel(false);
            return;
        }
        try {
            copying.execute(() -> {
                try {
                    close(answer.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | CancellationException e) {
                    // copying failed or never started: nothing to close
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
