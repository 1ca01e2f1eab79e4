package org.gugus.persons.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Items handed one by one by a single thread (a reader), worked on in chunks on the common pool while
 * more arrive: reading the records overlaps preparing them. The results come back in the order given.
 * A chunk no worker has started by {@link #finish} is worked on by the caller, from the last back: on two cores
 * the common pool has one worker, and the reader would otherwise wait idle for the chunks queued behind it.
 */
final class ChunkedWork<T, R> {

    private final int size;
    private final Function<List<T>, List<R>> work;
    private final List<Chunk> chunks = new ArrayList<>();
    private List<T> chunk;

    ChunkedWork(int size, Function<List<T>, List<R>> work) {
        this.size = size;
        this.work = work;
        this.chunk = new ArrayList<>(size);
    }

    void add(T item) {
        chunk.add(item);
        if (chunk.size() == size) {
            submit();
        }
    }

    /** Gives each chunk's results in the order the items came, working on those not started yet itself. */
    void finish(Consumer<List<R>> results) {
        if (!chunk.isEmpty()) {
            submit();
        }
        try {
            // the caller takes the chunks not started from the last one back, while the pool's worker goes on
            // from the first: both cores busy until they meet (in order, the caller waited on the worker's chunk)
            for (int i = chunks.size() - 1; i >= 0 && !chunks.get(i).claimed.get(); i--) {
                chunks.get(i).run();
            }
            for (Chunk done : chunks) {
                done.run();
                results.accept(done.result.join());
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            chunks.clear();
        }
    }

    private void submit() {
        Chunk next = new Chunk(chunk);
        chunk = new ArrayList<>(size);
        chunks.add(next);
        ForkJoinPool.commonPool().execute(next::run);
    }

    /** One chunk's work, done once by whichever thread claims it first (a worker, or the caller at the end). */
    private final class Chunk {

        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<List<R>> result = new CompletableFuture<>();
        private List<T> items;

        Chunk(List<T> items) {
            this.items = items;
        }

        void run() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                result.complete(work.apply(items));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                items = null;
            }
        }
    }
}
