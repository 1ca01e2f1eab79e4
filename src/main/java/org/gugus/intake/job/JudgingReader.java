package org.gugus.intake.job;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.gugus.warehouse.StagedRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads data rows on the step's thread a block at a time ({@code blockRows}, a chunk's worth: the
 * step commits one block a chunk) and hands them to the {@link RowJudges} in tasks of
 * {@value #TASK_ROWS} rows as soon as a task's rows are read, so a block's rows are judged on the
 * other cores while the rest of it is still being read; the step's processor then takes the
 * judgements in row order ({@link JudgedRows#await()}). Reading, and with it the restart position
 * the step saves, stays exactly the {@link DataRowReader}'s: a row is counted as read when it is
 * read, and staged only when its block commits.
 */
class JudgingReader implements ItemStreamReader<JudgedRows> {

    /** Rows a judge takes at a time: a few dozen, so both judges start early in a block and end together. */
    static final int TASK_ROWS = 64;

    private static final Logger log = LoggerFactory.getLogger(JudgingReader.class);

    private final DataRowReader rows;
    private final RowJudge judge;
    private final RowJudges judges;
    private final int blockRows;
    private final double knownRowsSeconds;
    private long read;
    private long readingNanos;
    /** CPU time of the step's thread when the step opened the reader (it closes it on the same thread). */
    private long openedCpuNanos = -1;
    private boolean logged;

    /**
     * @param blockRows        data rows a block (item of the step) holds, the last one fewer
     * @param knownRowsSeconds how long reading the office's row hashes took, for the log line
     */
    JudgingReader(DataRowReader rows, RowJudge judge, RowJudges judges, int blockRows, double knownRowsSeconds) {
        if (blockRows < 1) {
            throw new IllegalArgumentException("A block holds at least one row, not " + blockRows);
        }
        this.rows = rows;
        this.judge = judge;
        this.judges = judges;
        this.blockRows = blockRows;
        this.knownRowsSeconds = knownRowsSeconds;
    }

    /** The next block of data rows, being judged; null after the last row. */
    @Override
    public JudgedRows read() throws Exception {
        List<Future<StagedRow[]>> judgements = new ArrayList<>(blockRows / TASK_ROWS + 1);
        List<DataRow> task = new ArrayList<>(Math.min(TASK_ROWS, blockRows));
        int count = 0;
        long start = System.nanoTime();
        try {
            while (count < blockRows) {
                DataRow row = rows.read();
                if (row == null) {
                    break;
                }
                count++;
                task.add(row);
                if (task.size() == TASK_ROWS) {
                    // reading time excludes handing the task over, as it excluded handing a row over before
                    readingNanos += System.nanoTime() - start;
                    judgements.add(judges.judge(judge, task));
                    task = new ArrayList<>(TASK_ROWS);
                    start = System.nanoTime();
                }
            }
        } finally {
            readingNanos += System.nanoTime() - start;
        }
        if (!task.isEmpty()) {
            judgements.add(judges.judge(judge, task));
        }
        read += count;
        return count == 0 ? null : new JudgedRows(judgements, count);
    }

    @Override
    public void open(ExecutionContext executionContext) {
        openedCpuNanos = threadCpuNanos();
        rows.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        rows.update(executionContext);
    }

    @Override
    public void close() {
        rows.close();
        if (logged) {
            return; // closed again by the step after the step scope's proxy
        }
        logged = true;
        long cpu = openedCpuNanos < 0 ? -1 : threadCpuNanos() - openedCpuNanos;
        // counts and seconds only, never a value of a row
        log.info("Stage read {} data rows ({} repeating a record's row, staged thin) of file {}; reading and mapping"
                + " {} s, the office's row hashes {} s, the step's thread {} s of CPU", read, judge.repeating(),
                judge.fileId(), "%.2f".formatted(readingNanos / 1e9), "%.2f".formatted(knownRowsSeconds),
                cpu < 0 ? "?" : "%.2f".formatted(cpu / 1e9));
    }

    private static long threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }
}
