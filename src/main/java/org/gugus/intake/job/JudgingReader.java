package org.gugus.intake.job;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads data rows on the step's thread and hands each to the {@link RowJudges} as soon as it is
 * read, so a chunk's rows are judged on the other cores while the rest of the chunk is still being
 * read; the step's processor then takes the judgements in row order ({@link JudgedRow#await()}).
 * Reading, and with it the restart position the step saves, stays exactly the
 * {@link DataRowReader}'s: a row is counted as read when it is read, and staged only when its
 * chunk commits.
 */
class JudgingReader implements ItemStreamReader<JudgedRow> {

    private static final Logger log = LoggerFactory.getLogger(JudgingReader.class);

    private final DataRowReader rows;
    private final RowJudge judge;
    private final RowJudges judges;
    private final double knownRowsSeconds;
    private long read;
    private long readingNanos;
    /** CPU time of the step's thread when the step opened the reader (it closes it on the same thread). */
    private long openedCpuNanos = -1;
    private boolean logged;

    JudgingReader(DataRowReader rows, RowJudge judge, RowJudges judges) {
        this(rows, judge, judges, 0);
    }

    /** @param knownRowsSeconds how long reading the office's row hashes took, for the log line */
    JudgingReader(DataRowReader rows, RowJudge judge, RowJudges judges, double knownRowsSeconds) {
        this.rows = rows;
        this.judge = judge;
        this.judges = judges;
        this.knownRowsSeconds = knownRowsSeconds;
    }

    @Override
    public JudgedRow read() throws Exception {
        long start = System.nanoTime();
        DataRow row = rows.read();
        readingNanos += System.nanoTime() - start;
        if (row == null) {
            return null;
        }
        read++;
        return judges.judge(judge, row);
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
