package org.gugus.intake.job;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.gugus.warehouse.StagedOutcomes;
import org.gugus.warehouse.StagedRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads data rows a block at a time ({@code blockRows}, a chunk's worth: the step commits one block a
 * chunk) on a reading thread of its own, one block ahead of the step, and hands them to the
 * {@link RowJudges} in tasks of {@value #TASK_ROWS} rows as soon as a task's rows are read: while the
 * step's thread writes and commits a block, the next one is read and judged on the other cores. The
 * step's processor then takes the judgements in row order ({@link JudgedRows#await()}).
 * <p>
 * The restart position stays exactly the {@link DataRowReader}'s as it stood after the last block the
 * step took: the reading thread keeps the reader's state as of each block's end with the block
 * ({@link #update} saves that, never the state of a block read ahead), so a committed block's rows are
 * never read again and a block read ahead but not committed is read again after a restart.
 */
class JudgingReader implements ItemStreamReader<JudgedRows> {

    /** Rows a judge takes at a time: a few dozen, so both judges start early in a block and end together. */
    static final int TASK_ROWS = 64;

    /**
     * Blocks the reading may run ahead of the step while the office's row hashes are still being read
     * (the judges wait for them): mapped rows only, a few megabytes a block.
     */
    static final int AHEAD_WHILE_HASHES_LOAD = 3;

    /**
     * Rows handed to the judges and not yet judged, in tasks, at most: enough that the judges never wait for
     * the reading, few enough that the rows waiting are not kept through a young collection. The reading
     * (a workbook's on threads of its own) outruns the judges; a million-row workbook's stage under
     * {@code -Xmx256m} held a whole block of mapped rows read ahead, and every young collection promoted
     * what it could not keep, the old generation collected whole every few seconds (issue 13).
     */
    static final int UNJUDGED_TASKS = 16;

    private static final Logger log = LoggerFactory.getLogger(JudgingReader.class);

    private final DataRowReader rows;
    private final RowJudge judge;
    private final RowJudges judges;
    private final int blockRows;
    /** Told, when the file ended, what the step saw of its valid rows, if it saw every row ({@link DistinctIdentities}). */
    private final Consumer<DistinctIdentities.Seen> seenWhole;
    private final DistinctIdentities identities = new DistinctIdentities();
    /** The rows' outcomes as staged, for the step's last transaction to note ({@link StagedOutcomes}). */
    private final StagedOutcomes outcomes;
    /** Blocks read, in order, for the step's thread to take. */
    private final BlockingQueue<Block> handOver = new LinkedBlockingQueue<>();
    /** A permit each time the step's thread took a block: the reading waits for them to stay one block ahead. */
    private final Semaphore taken = new Semaphore(0);
    /** A permit a task the judges may hold unjudged ({@value #UNJUDGED_TASKS}), given back as each ends. */
    private final Semaphore unjudged = new Semaphore(UNJUDGED_TASKS);
    private Thread reading;
    /** The reader's state after the last block the step took, which {@link #update} saves. */
    private ExecutionContext position;
    private long read;
    private volatile long readingNanos;
    /** Of the reading's time, what it waited for the judges to take its tasks ({@value #UNJUDGED_TASKS} unjudged at most). */
    private volatile long awaitingJudgesNanos;
    private volatile long readingCpuNanos = -1;
    private long waitingNanos;
    private long judgingNanos;
    private long writingNanos;
    private long openedNanos;
    /** CPU time of the step's thread when the step opened the reader (it closes it on the same thread). */
    private long openedCpuNanos = -1;
    private boolean logged;
    private boolean ended;

    /** @param blockRows data rows a block (item of the step) holds, the last one fewer */
    JudgingReader(DataRowReader rows, RowJudge judge, RowJudges judges, int blockRows) {
        this(rows, judge, judges, blockRows, new StagedOutcomes(), seen -> {
        });
    }

    /**
     * @param blockRows          data rows a block (item of the step) holds, the last one fewer
     * @param seenWhole          told on the step's thread, in the transaction of the step's last read, when the
     *                           file ended and the step saw all its rows: how many are valid, whether no identity
     *                           repeats among them
     * @param outcomes           told each row as the step takes it, in the file's order
     */
    JudgingReader(DataRowReader rows, RowJudge judge, RowJudges judges, int blockRows, StagedOutcomes outcomes,
            Consumer<DistinctIdentities.Seen> seenWhole) {
        if (blockRows < 1) {
            throw new IllegalArgumentException("A block holds at least one row, not " + blockRows);
        }
        this.rows = rows;
        this.judge = judge;
        this.judges = judges;
        this.blockRows = blockRows;
        this.seenWhole = seenWhole;
        this.outcomes = outcomes;
    }

    /** The next block of data rows, being judged; null after the last row. */
    @Override
    public JudgedRows read() throws Exception {
        if (ended) {
            return null;
        }
        long start = System.nanoTime();
        Block block = handOver.take();
        taken.release();
        waitingNanos += System.nanoTime() - start;
        if (block.failure() != null) {
            reading = null; // the reading thread has ended
            if (block.failure() instanceof Error error) {
                throw error;
            }
            throw (Exception) block.failure();
        }
        position = block.position();
        if (block.rows() == null) {
            reading = null;
            ended = true;
            identities.seen().ifPresent(seenWhole);
            return null;
        }
        read += block.rows().rows();
        return block.rows();
    }

    /** The block's judgements in row order, awaited on the step's thread (the step's processor). */
    public StagedRows judged(JudgedRows block) throws InterruptedException {
        long start = System.nanoTime();
        try {
            StagedRows staged = block.await();
            identities.add(staged);
            staged.rows().forEach(outcomes::add);
            return staged;
        } finally {
            judgingNanos += System.nanoTime() - start;
        }
    }

    /** Adds the time the step's writer took for a block, for the log line. */
    public void written(long nanos) {
        writingNanos += nanos;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        openedNanos = System.nanoTime();
        openedCpuNanos = threadCpuNanos();
        rows.open(executionContext);
        position = snapshot();
        reading = new Thread(this::readAhead, "intake-read-" + judge.fileId());
        reading.setDaemon(true);
        reading.start();
    }

    @Override
    public void update(ExecutionContext executionContext) {
        for (Map.Entry<String, Object> entry : position.entrySet()) {
            executionContext.put(entry.getKey(), entry.getValue());
        }
    }

    @Override
    public void close() {
        stopReading();
        rows.close();
        if (logged) {
            return; // closed again by the step after the step scope's proxy
        }
        logged = true;
        long cpu = openedCpuNanos < 0 ? -1 : threadCpuNanos() - openedCpuNanos;
        // counts and seconds only, never a value of a row
        log.info("Stage read {} data rows ({} repeating a record's row, staged thin) of file {}; reading and mapping"
                + " {} s ({} s of CPU, its own thread, {} s waiting for the judges), the office's row hashes {} s,"
                + " the judges {} s of CPU, the step's"
                + " thread {} s of CPU; the step's thread waited {} s for blocks, {} s for judgements, wrote {} s, in {} s"
                + " from open",
                read, judge.repeating(), judge.fileId(), seconds(readingNanos), seconds(readingCpuNanos),
                seconds(awaitingJudgesNanos),
                "%.2f".formatted(judge.known().seconds()), seconds(judge.judgingCpuNanos()), seconds(cpu),
                seconds(waitingNanos), seconds(judgingNanos),
                seconds(writingNanos), seconds(System.nanoTime() - openedNanos));
    }

    /**
     * The reading thread: reads block after block until the end of the file, a failure, or the step
     * closes; one block ahead of the step (read while the step writes the one before), a few more while
     * the office's row hashes are still being read.
     */
    private void readAhead() {
        long cpuStart = threadCpuNanos();
        int untaken = 0;
        try {
            while (true) {
                Block block = readBlock();
                if (block.rows() == null && block.failure() == null) {
                    readingCpuNanos = cpuStart < 0 ? -1 : threadCpuNanos() - cpuStart;
                }
                handOver.put(block);
                if (block.rows() == null) {
                    return;
                }
                untaken++;
                while (untaken > (judge.known().done() ? 0 : AHEAD_WHILE_HASHES_LOAD)) {
                    taken.acquire();
                    untaken--;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the step closed the reader: nothing more is wanted
        }
    }

    private Block readBlock() throws InterruptedException {
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
                    judgements.add(judge(task));
                    task = new ArrayList<>(TASK_ROWS);
                }
            }
        } catch (InterruptedException e) {
            throw e; // the step closed the reader
        } catch (Exception | Error e) {
            return new Block(null, null, e);
        } finally {
            readingNanos += System.nanoTime() - start;
        }
        if (!task.isEmpty()) {
            judgements.add(judge(task));
        }
        return new Block(count == 0 ? null : new JudgedRows(judgements, count), snapshot(), null);
    }

    /**
     * Hands a task to the judges once fewer than {@value #UNJUDGED_TASKS} wait for them; while the office's
     * row hashes are still being read, at once. The judges then wait for the hashes at their first row, and
     * {@value #UNJUDGED_TASKS} tasks are a thousand rows: the reading stopped behind them until the hashes
     * came (a re-delivery's stage waited so 0.1-0.3 s), where it may run {@value #AHEAD_WHILE_HASHES_LOAD}
     * blocks ahead (the reading's own bound, in {@link #readAhead}).
     */
    private Future<StagedRow[]> judge(List<DataRow> task) throws InterruptedException {
        if (!judge.known().done()) {
            return judges.judge(judge, task, () -> {
            });
        }
        if (!unjudged.tryAcquire()) {
            long start = System.nanoTime();
            unjudged.acquire();
            awaitingJudgesNanos += System.nanoTime() - start;
        }
        return judges.judge(judge, task, unjudged::release);
    }

    /** The row reader's restart position and summary as of now, as it would save them. */
    private ExecutionContext snapshot() {
        ExecutionContext state = new ExecutionContext();
        rows.update(state);
        return state;
    }

    private void stopReading() {
        Thread thread = reading;
        reading = null;
        if (thread == null) {
            return;
        }
        try {
            while (thread.isAlive()) {
                thread.interrupt();
                handOver.clear(); // blocks read ahead are not wanted any more
                thread.join(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String seconds(long nanos) {
        return nanos < 0 ? "?" : "%.2f".formatted(nanos / 1e9);
    }

    private static long threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    /** A block read ahead with the reader's state after it; no rows at the end of the file; or what reading threw. */
    private record Block(JudgedRows rows, ExecutionContext position, Throwable failure) {
    }
}
