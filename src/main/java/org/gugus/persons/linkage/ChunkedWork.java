package org.gugus.persons.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Items handed one by one by a single thread (a reader), worked on in chunks on the common pool while
 * more arrive: reading the records overlaps preparing them. The results come back in the order given.
 */
final class ChunkedWork<T, R> {

    private final int size;
    private final Function<List<T>, List<R>> work;
    private final List<CompletableFuture<List<R>>> chunks = new ArrayList<>();
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

    /** Gives each chunk's results in the order the items came, waiting for the chunks still being worked on. */
    void finish(Consumer<List<R>> results) {
        if (!chunk.isEmpty()) {
            submit();
        }
        try {
            for (CompletableFuture<List<R>> done : chunks) {
                results.accept(done.join());
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            chunks.clear();
        }
    }

    private void submit() {
        List<T> items = chunk;
        chunk = new ArrayList<>(size);
        chunks.add(CompletableFuture.supplyAsync(() -> work.apply(items)));
    }
}
