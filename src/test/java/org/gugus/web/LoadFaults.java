package org.gugus.web;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.gugus.warehouse.StagedRow;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A test's hand on the loads the pages start: the intake job takes every {@code ItemWriteListener} of
 * staged rows, and this one, once armed, makes the chunk holding a given data row fail (once, after its
 * rows were written, so that the chunk rolls back and the chunks before it stay committed) or wait
 * until the test lets it go on (to look at a load while it runs). Disarmed, it does nothing.
 */
@TestConfiguration(proxyBeanMethods = false)
class LoadFaults {

    private static final AtomicInteger FAIL_AT = new AtomicInteger();
    private static final AtomicInteger HOLD_AT = new AtomicInteger();
    private static final AtomicReference<CountDownLatch> HELD = new AtomicReference<>(new CountDownLatch(0));
    private static final AtomicReference<CountDownLatch> RELEASE = new AtomicReference<>(new CountDownLatch(0));

    /** The next chunk that holds this data row fails, once. */
    static void failOnceAt(int row) {
        FAIL_AT.set(row);
    }

    /** The next chunk that holds this data row waits (committed chunks before it stay) until {@link #release()}. */
    static void holdAt(int row) {
        HELD.set(new CountDownLatch(1));
        RELEASE.set(new CountDownLatch(1));
        HOLD_AT.set(row);
    }

    /** Waits until a load reached the row it is held at. */
    static void awaitHeld() throws InterruptedException {
        if (!HELD.get().await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no load reached the row it was to be held at");
        }
    }

    static void release() {
        RELEASE.get().countDown();
    }

    static void disarm() {
        FAIL_AT.set(0);
        HOLD_AT.set(0);
        release();
    }

    @Bean
    ItemWriteListener<StagedRow> loadFault() {
        return new ItemWriteListener<>() {
            @Override
            public void beforeWrite(Chunk<? extends StagedRow> rows) {
                int hold = HOLD_AT.get();
                if (hold > 0 && holds(rows, hold) && HOLD_AT.compareAndSet(hold, 0)) {
                    HELD.get().countDown();
                    try {
                        RELEASE.get().await(120, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void afterWrite(Chunk<? extends StagedRow> rows) {
                int fail = FAIL_AT.get();
                if (fail > 0 && holds(rows, fail) && FAIL_AT.compareAndSet(fail, 0)) {
                    throw new IllegalStateException("simulated failure in the chunk of row " + fail);
                }
            }
        };
    }

    private static boolean holds(Chunk<? extends StagedRow> rows, int row) {
        return rows.getItems().stream().anyMatch(staged -> staged.ordinal() == row);
    }
}
