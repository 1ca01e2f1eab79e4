package org.gugus.reporting;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.gugus.system.PartTimes;
import org.gugus.warehouse.VictimsPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The part of a first load's reporting rebuild that needs no persons, done while they are resolved:
 * as soon as a file's publish commits, on a thread and a connection of its own, every victim record's
 * report is read from the warehouse into a table beside the reports ({@code reporting.report_ahead}), with its
 * report facts (in report-date order) and the per-case facts beside theirs, indexed as the reporting tables are ({@link
 * ReportsInPlace#index}), each with the person its record is
 * expected to have: the one it is linked to already, else its own id (a new person is numbered by her first record,
 * V115). The persons resolution that follows the same commit runs for seconds in the JVM on the other core; the
 * rebuild it triggers ({@link ReportingRefresh}) then corrects the few reports whose person came out otherwise and
 * puts these tables in place of the reporting tables ({@link ReportsInPlace}), instead of reading the warehouse and
 * writing the facts after the resolution, or copying these rows again.
 * <p>
 * Only a publish after which most records are not reported yet (as many as the schema's persons or
 * more, and {@code gugus.reporting.bulk-refresh-persons} or more: a first load) is read ahead. The
 * rows are taken only by the rebuild that follows the latest publish, and only when they are the rows
 * it would read itself: as many as the warehouse's records and its linked records, none of those
 * missing ({@link WarehouseSource#aheadIsWhole}); otherwise, or when the read failed, the rebuild
 * reads the warehouse as before. Nothing is written to the reporting tables but the code dictionary's
 * new codes (as the rebuild's facts would add them). The tables read ahead are defined by each read as the reporting
 * tables are, without their grants (the read-only role reads none of them before they are put in place), so that a
 * second connection can write the person rows from them ({@link PersonRowsAside}); the reading connection holds a
 * session lock on them while it keeps their rows, so one process reads ahead at a time (another process's publish
 * meanwhile is not read ahead), and tables a killed process left are dropped by the next read. Tables no rebuild took
 * are dropped at the next publish or after {@code gugus.reporting.read-ahead-keep-minutes}. Off with
 * {@code gugus.reporting.read-ahead=false}.
 */
@Component
class ReportsAhead implements DisposableBean {

    /** What each reporting table's rows read ahead are written under: {@code <table>_ahead}. */
    static final String SUFFIX = "_ahead";

    static final String REPORTS = "reporting.report" + SUFFIX;
    static final String FACTS = "reporting.report_fact" + SUFFIX;
    static final String CASE_FACTS = "reporting.case_fact" + SUFFIX;
    static final String OFFICE_CASE_FACTS = "reporting.office_case_fact" + SUFFIX;

    /** The tables read ahead and the reporting tables each is put in place of. */
    private static final String[][] SCRATCH = {{REPORTS, "reporting.report"}, {FACTS, "reporting.report_fact"},
            {CASE_FACTS, "reporting.case_fact"}, {OFFICE_CASE_FACTS, "reporting.office_case_fact"}};

    /**
     * Held by the connection that uses the scratch tables, for as long as it holds their rows: one process's
     * read at a time (another's publish meanwhile is not read ahead), and rows left by a killed one (its
     * lock went with its connection) are emptied by the next read.
     */
    private static final String SCRATCH_LOCK = "hashtext('gugus.reporting.ahead')";

    private static final Logger log = LoggerFactory.getLogger(ReportsAhead.class);

    private final DataSource dataSource;
    private final boolean enabled;
    private final int bulkPersons;
    private final long keepMinutes;
    /** One read at a time, and the dropping of reads no rebuild took. */
    private final ScheduledExecutorService reading;
    /** Publishes seen: rows read ahead are taken only after the publish they were read for. */
    private final AtomicLong publishes = new AtomicLong();
    /** The publish whose rows read ahead a rebuild waits for, once one does. */
    private final AtomicLong awaited = new AtomicLong();
    /** Reads done and reads a rebuild took, to put in place (for tests). */
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong copied = new AtomicLong();
    /** The read started for the latest publish, not taken yet; guarded by {@code this}. */
    private Started started;

    ReportsAhead(DataSource dataSource, @Value("${gugus.reporting.read-ahead:true}") boolean enabled,
            @Value("${gugus.reporting.bulk-refresh-persons:10000}") int bulkPersons,
            @Value("${gugus.reporting.read-ahead-keep-minutes:30}") long keepMinutes) {
        this.dataSource = dataSource;
        this.enabled = enabled;
        this.bulkPersons = bulkPersons;
        this.keepMinutes = keepMinutes;
        this.reading = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gugus-reporting-ahead");
            thread.setDaemon(true);
            return thread;
        });
    }

    private record Started(long publish, Future<Read> read) {
    }

    /**
     * Ordered after the answer's start and before the persons resolution, which runs on this thread
     * after the same commit for seconds.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    void start(VictimsPublished published) {
        long publish = publishes.incrementAndGet();
        // whatever was read before reads an older warehouse
        drop(replace(null));
        if (!enabled || published.fileId() == null) {
            return;
        }
        try {
            Started read = new Started(publish, reading.submit(() -> read(publish)));
            replace(read);
            reading.schedule(() -> {
                synchronized (this) {
                    if (started != read) {
                        return;
                    }
                    started = null;
                }
                drop(read);
            }, keepMinutes, TimeUnit.MINUTES);
        } catch (RuntimeException e) {
            // rejected once the application is closing: the rebuild reads the warehouse itself
            log.warn("Reports not read ahead of the persons of file #{} ({})", published.fileId(), e.getClass().getName());
        }
    }

    /**
     * The reports read ahead for the latest publish, once read (waiting for them): empty when none
     * were, their read failed, or another publish came since. The caller closes what it takes.
     */
    Optional<Read> take() {
        Started taken = replace(null);
        if (taken == null) {
            return Optional.empty();
        }
        // a read still at work leaves the indexes it has not built yet to the rebuild that waits for it
        awaited.set(taken.publish());
        try {
            Read read = taken.read().get();
            if (read == null) {
                return Optional.empty();
            }
            if (taken.publish() != publishes.get()) {
                read.close();
                return Optional.empty();
            }
            return Optional.of(read);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drop(taken);
            return Optional.empty();
        } catch (ExecutionException e) {
            // counts and class names only
            log.warn("Reports not read ahead of the persons ({}); the rebuild reads them itself",
                    e.getCause().getClass().getName());
            return Optional.empty();
        }
    }

    private synchronized Started replace(Started next) {
        Started previous = started;
        started = next;
        return previous;
    }

    /** Closes the rows of a read no rebuild takes, once read, on the reading thread. */
    private void drop(Started read) {
        if (read == null) {
            return;
        }
        try {
            reading.execute(() -> {
                try {
                    Read rows = read.read().get();
                    if (rows != null) {
                        rows.close();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    // not read: nothing to close
                }
            });
        } catch (RuntimeException e) {
            // the application is closing: its connections close with the pool
            read.read().cancel(true);
        }
    }

    /**
     * Reads the reports and their facts into the scratch tables and commits, keeping the connection (and the
     * scratch tables' lock); null when the publish left too few records unreported to be worth it, or another
     * process holds the scratch tables.
     */
    private Read read(long publish) throws SQLException {
        long start = System.nanoTime();
        Connection connection = dataSource.getConnection();
        boolean locked = false;
        try (Statement statement = connection.createStatement()) {
            locked = scratchLocked(statement);
            if (!locked) {
                log.info("Reports not read ahead: another process's read ahead holds their tables");
                Read.release(connection, Read.NOT_LOCKED);
                return null;
            }
            // read committed: the reports are read by one statement, and the codes the facts add to the dictionary
            // are numbered after its latest ones, as committed when its lock is granted
            connection.setAutoCommit(false);
            // a publish that inserted no record (a re-delivery's) leaves the newest record reported: the three
            // tables are not counted (0.09-0.59 s of server CPU at 100,000 records, beside the persons, the
            // refresh and the answer on two cores); records left unreported by an earlier process are then
            // caught up by a refresh that reads the warehouse itself
            // the warehouse's mark taken before the counts and the read: a change after it, by any process, changes
            // the mark the rebuild compares
            // (the old notes of changes the mark counts dropped first: under the scratch tables' lock no other read
            // ahead is pending, and the drop is taken back with a read not made)
            WarehouseSource.Unreported counts = null;
            if (!WarehouseSource.newestReported(connection)) {
                WarehouseSource.forgetOldChanges(connection);
                counts = WarehouseSource.unreported(connection, bulkPersons);
            }
            // nothing written to the scratch tables yet: their lock let go, what they hold left to the next read (a
            // re-delivery's publish ends here)
            if (counts == null || counts.records() < bulkPersons || counts.records() < counts.persons()) {
                connection.rollback();
                locked = false;
                Read.release(connection, Read.UNLOCK);
                return null;
            }
            // the tables defined as the reporting tables are now, for the rebuild to put in place of them (whatever an
            // earlier read left, a killed process's too, dropped first), and committed with the mark: their definition
            // holds a lock on the table it copies until then
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            for (String[] table : SCRATCH) {
                statement.execute("drop table if exists " + table[0]);
                TablesBeside.create(jdbc, table[1], SUFFIX, false);
            }
            connection.commit();
            inMemory(statement);
            // emptied in the transaction that writes them: at the minimal WAL level their rows are not logged
            statement.execute("truncate " + REPORTS);
            String mark = counts.mark();
            long rows = WarehouseSource.readAhead(connection, REPORTS);
            // the warehouse's tables let go as soon as they are read: the facts, their aggregates and analyses below
            // read only the scratch tables, and a first load's persons store waits for every lock on warehouse.victim
            // to drop the foreign key of its links to it. A process killed before the commit below leaves rows that the
            // next read drops (this session's lock on the scratch tables goes with it)
            connection.commit();
            inMemory(statement);
            statement.execute("truncate " + FACTS + ", " + CASE_FACTS + ", " + OFFICE_CASE_FACTS);
            // in report-date order, as the rebuild puts them in place: a period reads a contiguous slice of them
            statement.execute("select reporting.report_facts_into('" + REPORTS + "', '" + FACTS + "', true)");
            statement.execute("insert into " + CASE_FACTS + " (case_id, first_day, last_day)"
                    + " select case_id, min(day_key), max(day_key) from " + FACTS + " group by case_id");
            statement.execute("insert into " + OFFICE_CASE_FACTS + " (office, case_id, first_day, last_day)"
                    + " select office, case_id, min(day_key), max(day_key) from " + FACTS + " group by office, case_id");
            // never analysed by the server itself (V076): the rebuild's joins of these rows with the persons are
            // planned from these statistics. Of the reports and their facts only the records' ids, which those joins
            // read (their other columns, codes among them, took the analyses 0.36-0.45 s of server CPU at 100,000
            // records against 0.08-0.09 s, the reports' 0.51 s against 0.16 s at a million, beside the persons;
            // issue 13)
            for (String table : new String[] {REPORTS + " (victim_id)", FACTS + " (victim_id)", CASE_FACTS,
                    OFFICE_CASE_FACTS}) {
                statement.execute("analyze " + table);
            }
            connection.commit();
            // the indexes while no rebuild waits for these rows (the persons still resolved), the rest left to it
            ReportsInPlace.index(jdbc, () -> awaited.get() != publish);
            connection.commit();
            // the rebuild's check of these rows and its correction of their persons then read the persons of one moment
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            reads.incrementAndGet();
            log.info("Reports of {} records read ahead of their persons in {} s", rows,
                    "%.2f".formatted((System.nanoTime() - start) / 1e9));
            return new Read(connection, rows, mark);
        } catch (SQLException | RuntimeException e) {
            Read.release(connection, locked ? Read.EMPTY_AND_UNLOCK : Read.NOT_LOCKED);
            throw e;
        }
    }

    /** The facts' aggregates in memory, as in the rebuild, on this process alone (for the transaction begun). */
    private static void inMemory(Statement statement) throws SQLException {
        statement.execute("set local work_mem = '64MB'");
        statement.execute("set local max_parallel_workers_per_gather = 0");
    }

    /** Takes the scratch tables' lock for this connection's session, if no other session holds it. */
    private static boolean scratchLocked(Statement statement) throws SQLException {
        try (ResultSet locked = statement.executeQuery("select pg_try_advisory_lock(" + SCRATCH_LOCK + ")")) {
            locked.next();
            return locked.getBoolean(1);
        }
    }

    /** Counts a read a rebuild took. */
    void copied(Read read) {
        copied.incrementAndGet();
    }

    /** How many reads were done (for tests). */
    long reads() {
        return reads.get();
    }

    /** How many reads a rebuild took (for tests). */
    long copied() {
        return copied.get();
    }

    @Override
    public void destroy() {
        drop(replace(null));
        reading.shutdown();
    }

    /**
     * Reports read ahead ({@link #REPORTS}, {@link #FACTS}, {@link #CASE_FACTS},
     * {@link #OFFICE_CASE_FACTS}) on the connection that holds them; closing drops them and gives the
     * connection back.
     */
    static final class Read implements AutoCloseable {

        private final Connection connection;
        private final long rows;
        /** The warehouse's mark before the read ({@link WarehouseSource#unreported}). */
        private final String mark;
        /** Whether a rebuild's transaction took the tables ({@link #taken}). */
        private volatile boolean taken;
        /** How many reports the check corrected, and the records of persons of several ({@link #whole}). */
        private long corrected;
        private long[] several = {};

        private Read(Connection connection, long rows, String mark) {
            this.connection = connection;
            this.rows = rows;
            this.mark = mark;
        }

        Connection connection() {
            return connection;
        }

        /**
         * Whether these are the reports a rebuild would read now: every record read and linked, and the warehouse
         * unchanged since the read. When they are, the reports and facts whose person came out otherwise than expected
         * are corrected in the same transaction ({@link WarehouseSource#correctAhead}), committed with it: from then on
         * the rows read ahead name every record's person as linked at the check, and the person rows beside are
         * written from them alone, as the rebuild puts them in place. A change of persons committed after the check
         * is another refresh's, which waits for this rebuild's lock (taken before the check).
         */
        boolean whole(PartTimes times) {
            try (Statement statement = connection.createStatement()) {
                // the correction's joins hash in memory: under the default work_mem a join of a million records with
                // their persons ran in eight batches, spilling 0.8 GB to temporary files
                statement.execute("set local work_mem = '64MB'");
                boolean whole = times.time("check",
                        () -> WarehouseSource.aheadIsWhole(connection, rows, mark));
                if (whole) {
                    corrected = times.time("persons ahead", () -> WarehouseSource.correctAhead(connection, REPORTS,
                            FACTS));
                    several = times.time("several", () -> WarehouseSource.severalLinked(connection));
                    connection.commit();
                }
                return whole;
            } catch (SQLException e) {
                throw new IllegalStateException("Reports read ahead not checked: " + e.getMessage(), e);
            }
        }

        /** How many reports the check corrected to the person of their record ({@link #whole}). */
        long corrected() {
            return corrected;
        }

        /**
         * The records whose person has more than one, as the check found them ({@link #whole}): for the person rows
         * beside, which read no links.
         */
        long[] several() {
            return several;
        }

        long rows() {
            return rows;
        }

        /** What {@link #release} does with the scratch tables: this connection holds their lock or not. */
        private static final int NOT_LOCKED = 0;
        private static final int UNLOCK = 1;
        private static final int EMPTY_AND_UNLOCK = 2;

        /**
         * The rebuild's transaction takes the tables read ahead, to put them in place or to copy and drop them: closing
         * then lets go of their lock and leaves them to that transaction (a drop here would wait for it).
         */
        void taken() {
            taken = true;
        }

        @Override
        public void close() {
            release(connection, taken ? UNLOCK : EMPTY_AND_UNLOCK);
        }

        /**
         * Drops the tables read ahead ({@code EMPTY_AND_UNLOCK}), lets go of their lock (unless {@code NOT_LOCKED})
         * and gives the connection back as it was lent. Rows that could not be emptied at once (a reader of them
         * still at work) are left to the next read.
         */
        private static void release(Connection connection, int scratch) {
            boolean locked = scratch != NOT_LOCKED;
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                if (locked) {
                    connection.setAutoCommit(false);
                    try (Statement statement = connection.createStatement()) {
                        if (scratch == EMPTY_AND_UNLOCK) {
                            statement.execute("set local lock_timeout = '1s'");
                            for (String[] table : SCRATCH) {
                                statement.execute("drop table if exists " + table[0]);
                            }
                        }
                        connection.commit();
                    } catch (SQLException e) {
                        connection.rollback();
                        log.info("Reports read ahead not dropped yet ({}); the next read drops them",
                                e.getClass().getName());
                    }
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("select pg_advisory_unlock(" + SCRATCH_LOCK + ")");
                    }
                    connection.commit();
                }
                reset(connection);
            } catch (SQLException e) {
                log.warn("Reports read ahead not let go ({}); their connection is closed with them",
                        e.getClass().getName());
                try {
                    // a session lock stays with a pooled connection: this one is not lent again
                    connection.abort(Runnable::run);
                } catch (SQLException ignored) {
                    // closed with the pool
                }
            } finally {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closed with the pool
                }
            }
        }

        private static void reset(Connection connection) throws SQLException {
            connection.setAutoCommit(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
    }
}
