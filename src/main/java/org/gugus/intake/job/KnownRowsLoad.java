package org.gugus.intake.job;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.gugus.warehouse.KnownRows;

/**
 * The office's row hashes ({@link KnownRows}) being read on a thread of their own while the stage step
 * starts reading the file: a judge waits for them at its first row, the reading does not.
 */
final class KnownRowsLoad {

    private final CompletableFuture<KnownRows> rows;
    private volatile long nanos = -1;

    private KnownRowsLoad(CompletableFuture<KnownRows> rows) {
        this.rows = rows;
    }

    /** Starts reading them on a new thread. */
    static KnownRowsLoad start(long fileId, Supplier<KnownRows> read) {
        CompletableFuture<KnownRows> rows = new CompletableFuture<>();
        KnownRowsLoad load = new KnownRowsLoad(rows);
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            try {
                KnownRows known = read.get();
                load.nanos = System.nanoTime() - start;
                rows.complete(known);
            } catch (RuntimeException | Error e) {
                rows.completeExceptionally(e);
            }
        }, "intake-known-rows-" + fileId);
        thread.setDaemon(true);
        thread.start();
        return load;
    }

    /** Rows already known (none, for a judge that judges every row). */
    static KnownRowsLoad of(KnownRows known) {
        KnownRowsLoad load = new KnownRowsLoad(CompletableFuture.completedFuture(known));
        load.nanos = 0;
        return load;
    }

    /** The rows, once read; what reading them threw is thrown here, as it was thrown. */
    KnownRows get() {
        try {
            return rows.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Whether they have been read (or reading them failed). */
    boolean done() {
        return rows.isDone();
    }

    /** How long reading them took, in seconds; negative while they are being read or if it failed. */
    double seconds() {
        long taken = nanos;
        return taken < 0 ? -1 : taken / 1e9;
    }
}
