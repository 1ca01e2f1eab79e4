package org.gugus.intake.job;

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

    /** Starts judging a row; the judgement is awaited in row order by the step's processor. */
    JudgedRow judge(RowJudge judge, DataRow row) {
        Future<StagedRow> judgement = threads.submit(() -> judge.process(row));
        return new JudgedRow(judgement);
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
