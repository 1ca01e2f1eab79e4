package org.gugus.persons;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.gugus.access.PseudonymKey;
import org.gugus.persons.linkage.CompactClustering;
import org.gugus.persons.linkage.Linkage;
import org.gugus.persons.linkage.PreparedRecords;
import org.gugus.persons.linkage.VictimReport;
import org.gugus.warehouse.PublishStarting;
import org.gugus.warehouse.StagedVictim;
import org.gugus.warehouse.StagedVictims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A first load's new records prepared for linkage while the warehouse publishes them: as soon as an office's first
 * delivery starts its publish (issue 13: 4–6 s on one server process while the JVM idles), its staged rows are read
 * on a thread and a connection of their own ({@link StagedVictims}) and normalised, their block keys hashed
 * ({@link Linkage#prepareAhead}). The resolution that follows the publish's commit ({@link ResolutionAfterPublish})
 * takes them ({@link #take}) instead of preparing its records again, each only when every field linkage reads of
 * the record published is equal to the row's: a row the publish did not take, a record changed since, or a value
 * published otherwise is prepared as before, and so is everything when the work ahead failed, was not done in time
 * or never started. When the publish vouched in its transaction for the rows read here (as many, written by the same
 * transactions: {@link RowsReadAhead}), the run reads only each pending record's id and version and takes the file's
 * i-th record from its i-th row. Otherwise the rows' values are taken by the digest of what linkage reads of them
 * ({@link LinkageDigests}): the run reads each pending record's id, version and digest from the warehouse, and reads
 * whole only the records whose digest no row read here has. Nothing is written; the prepared records live in memory
 * only until a resolution takes them or the next publish starts.
 * <p>
 * Only when the run will be in memory with room for both (the rows fewer than {@code gugus.persons.resolution.bounded-from},
 * and twice the run's estimate within half the maximum heap), the rows at least
 * {@code gugus.persons.resolution.many-records}, and the office holds no record yet. Off with
 * {@code gugus.persons.prepare-ahead=false}.
 * <p>
 * When the run will be bounded instead ({@link BoundedResolution}: a million rows under a heap of 256 MB), the rows are
 * streamed rather than listed and each one prepared as the bounded run keeps its records, into a file rather than the
 * heap, by its digest ({@link RecordsKeptAhead}: the million-row workbook's run spent 14 s of its critical path
 * reading and preparing them after the commit, while the publish before it left a core idle). On this thread only:
 * the other core is the publish's. The run takes such a work only whole ({@link #take}), by the records' places where
 * the publish vouched for the rows read, else by their digests, the records no row is kept for read whole as before;
 * off alone with {@code gugus.persons.prepare-ahead-bounded=false}.
 */
@Component
class RecordsPreparedAhead {

    private static final Logger log = LoggerFactory.getLogger(RecordsPreparedAhead.class);

    private final StagedVictims staged;
    private final Linkage linkage;
    private final PseudonymKey key;
    private final TransactionTemplate reading;
    private final boolean enabled;
    private final boolean boundedEnabled;
    private final long boundedFrom;
    private final int manyRecords;
    private final long waitMillis;
    /** Works done, failed, and taken by a resolution (for tests). */
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong taken = new AtomicLong();
    /** The work started for the latest publish, not taken yet; guarded by {@code this}. */
    private Started started;

    RecordsPreparedAhead(StagedVictims staged, Linkage linkage, PseudonymKey key, PlatformTransactionManager transactions,
            @Value("${gugus.persons.prepare-ahead:true}") boolean enabled,
            @Value("${gugus.persons.prepare-ahead-bounded:true}") boolean boundedEnabled,
            @Value("${gugus.persons.resolution.bounded-from:0}") long boundedFrom,
            @Value("${gugus.persons.resolution.many-records:10000}") int manyRecords,
            @Value("${gugus.persons.prepare-ahead-wait-seconds:2}") long waitSeconds) {
        this.staged = staged;
        this.linkage = linkage;
        this.key = key;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reading.setReadOnly(true);
        this.enabled = enabled;
        this.boundedEnabled = boundedEnabled;
        this.boundedFrom = boundedFrom;
        this.manyRecords = manyRecords;
        this.waitMillis = TimeUnit.SECONDS.toMillis(waitSeconds);
    }

    /**
     * Starts the work for the file whose publish starts (any earlier work not taken is stopped and let go); before
     * other listeners of the start, so that the work overlaps whatever they do.
     */
    @EventListener
    @Order(0)
    void publishStarting(PublishStarting publish) {
        if (!enabled) {
            return;
        }
        Started work = new Started(publish.fileId(), new AtomicBoolean(), new AtomicBoolean(), new CompletableFuture<>());
        synchronized (this) {
            if (started != null) {
                letGo(started);
            }
            started = work;
        }
        Thread thread = new Thread(() -> prepare(publish, work), "persons-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The work of a publish that rolled back (it failed, or was cancelled) let go at once, its rows kept on disk closed
     * once it ends, rather than held until the next publish starts: a long-running server may see none for hours.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK)
    void publishRolledBack(PublishStarting publish) {
        Started work;
        synchronized (this) {
            work = started != null && started.fileId() == publish.fileId() ? started : null;
            if (work != null) {
                started = null;
            }
        }
        if (work != null) {
            letGo(work);
        }
    }

    /** Whether a work for the file's publish is held, not taken nor let go (for tests). */
    synchronized boolean holds(long fileId) {
        return started != null && started.fileId() == fileId;
    }

    /**
     * The records prepared ahead for the file's publish: the work is told to stop, and whatever it prepared until then
     * is waited for ({@code gugus.persons.prepare-ahead-wait-seconds} at most, when it still reads the rows or waits for
     * a connection); the records it did not reach are prepared by the run, on both cores. A work for a bounded run
     * ({@link RecordsKeptAhead}) is not stopped but waited for as long, and taken only when it is done. Null when there
     * are none (not started, another file's, failed, skipped or late: the work is then let go, its file closed once it
     * ends). Taken once.
     */
    Taken take(Long fileId) {
        Started work;
        synchronized (this) {
            work = started;
            started = null;
        }
        if (work == null) {
            return null;
        }
        if (fileId == null || work.fileId() != fileId) {
            letGo(work);
            return null;
        }
        // a bounded run's records are taken whole or not at all (the records not reached would be read by id, a chunk
        // at a time, slower than the run's own read of them all): waited for unstopped
        boolean whole = work.keeping().get();
        if (!whole) {
            work.stop().set(true);
        }
        try {
            Taken ahead = work.result().get(waitMillis, TimeUnit.MILLISECONDS);
            if (ahead != null) {
                taken.incrementAndGet();
            }
            return ahead;
        } catch (TimeoutException e) {
            log.info("Records of file {} not prepared ahead in time: prepared by the resolution", fileId);
        } catch (ExecutionException e) {
            // never the exception's message: it may carry a row's values
            log.warn("Records of file {} not prepared ahead ({}): prepared by the resolution", fileId,
                    e.getCause().getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        letGo(work);
        return null;
    }

    /** A work not taken told to stop, the rows it kept on disk let go once it ends. */
    private static void letGo(Started work) {
        work.stop().set(true);
        work.result().whenComplete((ahead, failure) -> {
            if (ahead != null) {
                ahead.close();
            }
        });
    }

    /** How many works were done, how many failed, and how many a resolution took. */
    long[] counts() {
        return new long[] {done.get(), failed.get(), taken.get()};
    }

    private void prepare(PublishStarting publish, Started work) {
        try {
            long startedAt = System.nanoTime();
            long count = reading.execute(status -> staged.firstDelivery(publish.officeCode())
                    ? staged.count(publish.fileId()) : 0L);
            if (count < manyRecords || work.stop().get()) {
                work.result().complete(null);
            } else if (fits(count)) {
                prepareInMemory(publish, work, startedAt);
            } else if (boundedEnabled && count >= bounded() && count <= Integer.MAX_VALUE / 4) {
                keepOnDisk(publish, work, (int) count, startedAt);
            } else {
                work.result().complete(null);
            }
        } catch (RuntimeException | Error e) {
            failed.incrementAndGet();
            work.result().completeExceptionally(e);
        }
    }

    private void prepareInMemory(PublishStarting publish, Started work, long startedAt) {
        List<StagedVictim> rows = reading.execute(status -> staged.toPublish(publish.fileId(), publish.officeCode()));
        if (work.stop().get()) {
            work.result().complete(null);
            return;
        }
        long readAt = System.nanoTime();
        List<VictimReport> reports = new ArrayList<>(rows.size());
        RowsReadAhead.Writers writers = new RowsReadAhead.Writers();
        rows.forEach(row -> {
            reports.add(report(row));
            writers.add(row.written());
        });
        RowsReadAhead read = new RowsReadAhead(publish.fileId(), rows.size(), writers.sorted());
        rows = null;
        Linkage.Ahead ahead = linkage.prepareAhead(reports, BlockKeys.hashing(BlockKeys.salt(key)), work.stop()::get);
        // not digested here: a run taking the records by their places (the publish vouched for the rows read) reads no
        // digest; one that cannot digests the rows itself, then (LinkageDigests.of: 0.2-0.5 s of 100,000 rows)
        done.incrementAndGet();
        // counts and seconds only
        log.info("Records of file {} prepared ahead of its publish's commit: {} of {} rows' distinct values{}, read"
                + " in {} s, prepared in {} s", publish.fileId(), ahead.size(), reports.size(), ahead.blocksBuilt()
                ? " and the blocks of their " + ahead.blockKeys() + " keys" : "",
                "%.2f".formatted((readAt - startedAt) / 1e9), "%.2f".formatted((System.nanoTime() - readAt) / 1e9));
        // stopped by the resolution taking it: the records prepared until then are taken
        work.result().complete(new Taken(ahead, read, reports, null));
    }

    /**
     * The rows of a file whose run will be bounded streamed from the warehouse and prepared one at a time on this
     * thread (the other core is the publish's), each kept on disk by its digest ({@link RecordsKeptAhead}): a million
     * rows never held at once. Taken only whole: stopped before the last row, nothing is taken.
     */
    private void keepOnDisk(PublishStarting publish, Started work, int count, long startedAt) {
        work.keeping().set(true);
        RecordsKeptAhead kept = new RecordsKeptAhead(count);
        try {
            ToLongFunction<String> hashing = BlockKeys.hashing(BlockKeys.salt(key));
            MessageDigest md5 = LinkageDigests.md5();
            int[] rows = {0};
            RowsReadAhead.Writers writers = new RowsReadAhead.Writers();
            reading.executeWithoutResult(status -> staged.forEachToPublish(publish.fileId(), publish.officeCode(),
                    row -> {
                        if (rows[0]++ % 1_024 == 0 && work.stop().get()) {
                            throw new Stopped();
                        }
                        VictimReport report = report(row);
                        byte[] digest = LinkageDigests.digest(report, md5);
                        writers.add(row.written());
                        if (!kept.add(row.ordinal(), digest, CompactClustering.nikOf(row.nik()),
                                CompactClustering.sexOf(row.sex()),
                                digest == null ? null : PreparedRecords.bytes(linkage, report, hashing))) {
                            throw new Stopped(); // more rows than counted: not all kept
                        }
                    }));
            kept.allRead(publish.fileId(), writers.sorted());
            done.incrementAndGet();
            // counts and seconds only
            log.info("Records of file {} prepared ahead of its publish's commit on disk: {} of {} rows' distinct"
                    + " values, in {} s", publish.fileId(), kept.size(), rows[0],
                    "%.2f".formatted((System.nanoTime() - startedAt) / 1e9));
            work.result().complete(new Taken(null, null, null, kept));
        } catch (Stopped e) {
            kept.close();
            work.result().complete(null);
        } catch (RuntimeException | Error e) {
            kept.close();
            throw e;
        }
    }

    /** A work stopped while it streamed the rows (or given more than it counted). */
    private static final class Stopped extends RuntimeException {

        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Whether the run would be in memory with room for the records prepared ahead beside it. */
    private boolean fits(long rows) {
        long maxHeap = Runtime.getRuntime().maxMemory();
        return rows < bounded() && 2 * rows * PersonResolution.BYTES_PER_PENDING_RECORD <= maxHeap / 2;
    }

    /** From how many pending records on the run will be bounded, as {@link PersonResolution} tells. */
    private long bounded() {
        return boundedFrom > 0 ? boundedFrom : PersonResolution.boundedFrom(Runtime.getRuntime().maxMemory());
    }

    /** The report a staged row's record will give, its id unknown (0). */
    static VictimReport report(StagedVictim row) {
        return new VictimReport(0, row.officeCode(), row.caseNumber(), row.name(), row.nik(), row.sex(), row.birthDate(),
                row.age(), row.reportDate(), row.birthPlace(), row.originRegencyCode(), row.originDistrictCode(),
                row.originVillageCode(), row.address());
    }

    /**
     * What a resolution takes: for a run in memory, the records prepared ahead and what was read ({@code read}) with
     * the rows' values in the file's order ({@code byPlace}), taken by their places when the publish vouched for the
     * rows read, else by the digest of what linkage reads of them ({@link LinkageDigests#of}, made by the run then);
     * for a bounded run, every row's prepared record kept on disk by its digest and its place ({@code kept}, the others
     * null). The taker closes it.
     */
    record Taken(Linkage.Ahead records, RowsReadAhead read, List<VictimReport> byPlace, RecordsKeptAhead kept)
            implements AutoCloseable {

        @Override
        public void close() {
            if (kept != null) {
                kept.close();
            }
        }
    }

    private record Started(long fileId, AtomicBoolean stop, AtomicBoolean keeping, CompletableFuture<Taken> result) {
    }
}
