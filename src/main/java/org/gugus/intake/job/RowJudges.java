package org.gugus.intake.job;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.gugus.warehouse.StagedRow;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The threads that judge data rows while the stage step reads on: one per core unless
 * {@code gugus.intake.judges} says otherwise. Judging (validation, JSON, keys, hash) is most of a
 * row's cost and needs nothing of the step's thread: no transaction, no step scope.
 */
@Component
class RowJudges implements DisposableBean {

    /** Each task's CPU time, for the stage's log line: whether the judges set the pace, and how much they spent. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ExecutorService threads;

    RowJudges(@Value("${gugus.intake.judges:0}") int judges) {
        int count = judges > 0 ? judges : Runtime.getRuntime().availableProcessors();
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "intake-judge-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.threads = Executors.newFixedThreadPool(count, factory);
    }

    /**
     * Starts judging consecutive rows as one task (a task per row cost the step's thread more than a
     * re-delivery's repeated rows cost the judges); the judgements are awaited in row order.
     * {@code ended} runs once the task has ended, judged or failed.
     */
    Future<StagedRow[]> judge(RowJudge judge, List<DataRow> rows, Runnable ended) {
        return threads.submit(() -> {
            try {
                long cpu = THREADS.getCurrentThreadCpuTime();
                StagedRow[] judged = new StagedRow[rows.size()];
                for (int i = 0; i < judged.length; i++) {
                    // encoded here, on the judge's thread: the rows then wait for their COPY as bytes, not objects
                    judged[i] = judge.process(rows.get(i)).encoded();
                }
                judge.judgedFor(THREADS.getCurrentThreadCpuTime() - cpu);
                return judged;
            } finally {
                ended.run();
            }
        });
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
