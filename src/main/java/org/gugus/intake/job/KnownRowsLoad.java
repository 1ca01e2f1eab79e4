package org.gugus.intake.job;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.gugus.warehouse.KnownRows;

/**
 * The office's row hashes ({@link KnownRows}) and the function its records' content hashes were made by
 * ({@link ContentHashFunction}), read on a thread of their own while the stage step starts reading the
 * file: a judge waits for the rows at its first row and for the function at its first row judged in
 * full, the reading waits for neither.
 */
final class KnownRowsLoad {

    private final CompletableFuture<KnownRows> rows;
    private final CompletableFuture<ContentHashFunction> contentHash;
    private volatile long nanos = -1;

    private KnownRowsLoad(CompletableFuture<KnownRows> rows, CompletableFuture<ContentHashFunction> contentHash) {
        this.rows = rows;
        this.contentHash = contentHash;
    }

    /** Starts reading them on a new thread, the function first (one index step). */
    static KnownRowsLoad start(long fileId, Supplier<ContentHashFunction> function, Supplier<KnownRows> read) {
        CompletableFuture<KnownRows> rows = new CompletableFuture<>();
        CompletableFuture<ContentHashFunction> contentHash = new CompletableFuture<>();
        KnownRowsLoad load = new KnownRowsLoad(rows, contentHash);
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            try {
                contentHash.complete(function.get());
                KnownRows known = read.get();
                load.nanos = System.nanoTime() - start;
                rows.complete(known);
            } catch (RuntimeException | Error e) {
                contentHash.completeExceptionally(e);
                rows.completeExceptionally(e);
            }
        }, "intake-known-rows-" + fileId);
        thread.setDaemon(true);
        thread.start();
        return load;
    }

    /** Rows and function already known (no rows, for a judge that judges every row). */
    static KnownRowsLoad of(KnownRows known, ContentHashFunction contentHash) {
        KnownRowsLoad load = new KnownRowsLoad(CompletableFuture.completedFuture(known),
                CompletableFuture.completedFuture(contentHash));
        load.nanos = 0;
        return load;
    }

    /** The rows, once read; what reading them threw is thrown here, as it was thrown. */
    KnownRows get() {
        return joined(rows);
    }

    /** The office's content hash function, once read; what reading it threw is thrown here, as it was thrown. */
    ContentHashFunction contentHash() {
        return joined(contentHash);
    }

    private static <T> T joined(CompletableFuture<T> read) {
        try {
            return read.join();
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
