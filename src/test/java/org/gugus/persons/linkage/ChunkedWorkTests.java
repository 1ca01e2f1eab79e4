package org.gugus.persons.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkedWorkTests {

    @Test
    void theResultsComeBackInTheOrderTheItemsCame() {
        ChunkedWork<Integer, Integer> work = new ChunkedWork<>(3, items -> items.stream().map(i -> i * 10).toList());
        IntStream.range(0, 20).forEach(work::add);
        List<Integer> results = new ArrayList<>();

        work.finish(results::addAll);

        assertThat(results).isEqualTo(IntStream.range(0, 20).map(i -> i * 10).boxed().toList());
    }

    @Test
    void theCallerWorksOnTheChunksNoWorkerStartedWhenThePoolIsBusy() throws InterruptedException {
        int workers = ForkJoinPool.commonPool().getParallelism();
        CountDownLatch busy = new CountDownLatch(workers);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < workers; i++) {
            ForkJoinPool.commonPool().execute(() -> {
                busy.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            assertThat(busy.await(30, TimeUnit.SECONDS)).as("every worker of the pool busy").isTrue();
            Thread caller = Thread.currentThread();
            ChunkedWork<Integer, Boolean> work = new ChunkedWork<>(2, items -> List.of(Thread.currentThread() == caller));
            IntStream.range(0, 6).forEach(work::add);
            List<Boolean> byCaller = new ArrayList<>();

            work.finish(byCaller::addAll);

            assertThat(byCaller).containsExactly(true, true, true);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aChunkThatFailsFailsTheFinish() {
        ChunkedWork<Integer, Integer> work = new ChunkedWork<>(2, items -> {
            if (items.contains(3)) {
                throw new IllegalStateException("chunk 2");
            }
            return items;
        });
        IntStream.range(0, 6).forEach(work::add);

        assertThatThrownBy(() -> work.finish(results -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessage("chunk 2");
    }
}
