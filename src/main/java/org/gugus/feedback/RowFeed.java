package org.gugus.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.gugus.workbook.SheetRow;
import org.gugus.workbook.UnreadableFileException;
import org.gugus.workbook.WorkbookReader;

/**
 * The rows of a workbook reader, read ahead on a thread of their own while the answer is written
 * on the caller's: parsing the original (above all an XLSX's sheet XML) and writing the answer
 * take about as long each, and a machine has more than one core. A few batches of rows wait at
 * most, so memory stays bounded; the reader is used by the reading thread only until it ends,
 * and closed by the caller afterwards. A read failure reaches the caller where it would have
 * without the thread, at the row after the last good one.
 */
final class RowFeed implements AutoCloseable {

    private static final int BATCH = 512;
    private static final int BATCHES = 4;

    /** Rows read, or the end (no rows), or what stopped the reading. */
    private record Batch(List<SheetRow> rows, UnreadableFileException unreadable, Throwable failure) {
    }

    private final WorkbookReader reader;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES);
    private final Thread thread;
    private volatile boolean stopped;
    private List<SheetRow> current = List.of();
    private int next;
    private boolean ended;

    RowFeed(WorkbookReader reader) {
        this.reader = reader;
        this.thread = new Thread(this::read, "answer-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next row, or {@code null} after the last. */
    SheetRow next() throws UnreadableFileException {
        while (next >= current.size()) {
            if (ended) {
                return null;
            }
            Batch batch = take();
            if (batch.unreadable() != null || batch.failure() != null) {
                ended = true;
                if (batch.unreadable() != null) {
                    throw batch.unreadable();
                }
                if (batch.failure() instanceof Error error) {
                    throw error;
                }
                if (batch.failure() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(batch.failure());
            }
            if (batch.rows().isEmpty()) {
                ended = true;
                return null;
            }
            current = batch.rows();
            next = 0;
        }
        return current.get(next++);
    }

    private Batch take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the original", e);
        }
    }

    private void read() {
        List<SheetRow> rows = new ArrayList<>(BATCH);
        try {
            for (SheetRow row = reader.next(); row != null && !stopped; row = reader.next()) {
                rows.add(row);
                if (rows.size() == BATCH) {
                    put(new Batch(rows, null, null));
                    rows = new ArrayList<>(BATCH);
                }
            }
            flush(rows);
            put(new Batch(List.of(), null, null));
        } catch (UnreadableFileException e) {
            flush(rows);
            put(new Batch(List.of(), e, null));
        } catch (RuntimeException | Error e) {
            flush(rows);
            put(new Batch(List.of(), null, e));
        }
    }

    /** The rows read since the last full batch, when there are any. */
    private void flush(List<SheetRow> rows) {
        if (!rows.isEmpty()) {
            put(new Batch(rows, null, null));
        }
    }

    /** Waits for room, unless the caller has stopped taking. */
    private void put(Batch batch) {
        try {
            while (!stopped && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                // the writer is busy; wait
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the reading thread and waits for it, then closes the reader. */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reader.close();
        }
    }
}
