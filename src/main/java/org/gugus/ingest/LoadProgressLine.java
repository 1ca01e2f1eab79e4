package org.gugus.ingest;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.gugus.system.Messages;

/**
 * The line {@code gugus load} keeps rewriting on a terminal's standard error while a long load
 * runs: the file, the rows read so far and the rows read per second. Cleared when the load ends,
 * so the result line stands alone.
 */
final class LoadProgressLine implements AutoCloseable {

    private final PrintStream err;
    private final String file;
    private final LongSupplier rowsRead;
    private final long startedAt = System.nanoTime();
    private final ScheduledExecutorService timer;
    private int width;

    private LoadProgressLine(PrintStream err, String file, LongSupplier rowsRead, Duration every) {
        this.err = err;
        this.file = file;
        this.rowsRead = rowsRead;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gugus-load-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::print, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts rewriting the line every {@code every}; the first time after {@code every}, so a short load shows none. */
    static LoadProgressLine start(PrintStream err, String file, LongSupplier rowsRead, Duration every) {
        return new LoadProgressLine(err, file, rowsRead, every);
    }

    private synchronized void print() {
        long rows = rowsRead.getAsLong();
        long millis = Math.max(1, Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
        String line = Messages.get("ingest.load.progress", file, rows, rows * 1000 / millis).both();
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
        }
    }
}
