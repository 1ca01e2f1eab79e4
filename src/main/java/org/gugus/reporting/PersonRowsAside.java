package org.gugus.reporting;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.gugus.system.PartTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A first load's person rows and per-person facts written beside its rebuild: on a connection and in a
 * transaction of their own, from the reports and report facts read ahead of the persons ({@link ReportsAhead})
 * joined with the persons as linked now, into tables of their own
 * ({@code reporting.person_next}, {@code reporting.person_fact_next}, {@code reporting.office_person_fact_next})
 * with the keys, indexes, grants and storage settings of the tables they replace ({@link TablesBeside}), while the
 * rebuild readies the same rows to be put in place and writes their cases on its connection: the rebuild ran on one
 * server process while the other core idled. Nothing is read from the warehouse here. The rebuild's transaction
 * then puts the tables in place of its own ({@link #putInPlace}): they count with its reports or not at all, and
 * a reader sees the old schema or the new one, never a part. A rebuild that fails or is killed leaves at most
 * the tables beside, which the next one drops. The persons' cells of the all-time counts are counted here too, from
 * the per-person facts written, and written by the rebuild with the rows put in place, rather than counted by it
 * after the swap.
 * <p>
 * The rows are written only when the rebuild takes the rows read ahead (checked against the warehouse,
 * {@link ReportsAhead.Read#whole}), and in the snapshot of its check ({@link ReportsAhead.Read#snapshot}):
 * each record has the same person here as in the reports put in place. Otherwise, when no connection was free before
 * the rebuild needed them, or when writing them failed, the rebuild writes them itself, as before.
 */
final class PersonRowsAside {

    /** The tables written aside; each is written into {@code <table>_next}. */
    static final List<String> TABLES = List.of("reporting.person", "reporting.person_fact",
            "reporting.office_person_fact");

    /** What each table's name is written under: {@code <table>_next}. */
    private static final String SUFFIX = "_next";

    /** How long the rebuild waits for a connection to be lent for the rows aside before writing them itself. */
    private static final long CONNECTION_WAIT_SECONDS = 2;

    private static final int WAITING = 0;
    private static final int ASIDE = 1;
    private static final int TAKEN_BACK = 2;

    private static final Logger log = LoggerFactory.getLogger(PersonRowsAside.class);

    private final AtomicInteger state = new AtomicInteger(WAITING);
    private final CompletableFuture<Written> written;
    /** Counted down once the tables beside are defined (or could not be). */
    private final CountDownLatch defined = new CountDownLatch(1);
    /**
     * Whether the rows are wanted once the tables are defined, and then the snapshot the rebuild checked the rows read
     * ahead in: not when those rows were not taken (then the rows beside are not written from them, and the scratch
     * tables are left free to be emptied).
     */
    private final CompletableFuture<Optional<String>> wanted = new CompletableFuture<>();

    /** Rows written beside, with the persons' cells of the all-time counts they give. */
    private record Written(List<AllTimeCounts.Cell> personCells) {
    }

    /** Starts writing the rows aside (call while holding the refresh's lock: another rebuild's would drop them). */
    PersonRowsAside(DataSource dataSource) {
        this.written = CompletableFuture.supplyAsync(() -> writeAside(dataSource), task -> {
            Thread thread = new Thread(task, "reporting-persons-aside");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private Written writeAside(DataSource dataSource) {
        PartTimes times = new PartTimes();
        try (Connection connection = times.get("connection", () -> sql(dataSource::getConnection))) {
            if (!state.compareAndSet(WAITING, ASIDE)) {
                return null; // the rebuild took the rows back while this waited for a connection
            }
            List<String> keys;
            try {
                keys = times.get("define", () -> sql(() -> define(connection)));
            } finally {
                defined.countDown();
            }
            try {
                Optional<String> snapshot = wanted.join();
                if (snapshot.isEmpty()) {
                    try (Statement sql = connection.createStatement()) {
                        for (String table : TABLES) {
                            sql.execute("drop table if exists " + table + SUFFIX);
                        }
                    }
                    return null;
                }
                return write(connection, keys, snapshot.get(), times);
            } finally {
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("person rows not written aside: " + e.getMessage(), e);
        }
    }

    /**
     * The tables beside, empty, and the statements of their keys, committed before the rebuild empties its tables:
     * {@code like} holds a lock on the table it copies until its transaction ends, which the rebuild's truncation
     * would wait for (and the rebuild, holding its own, for these rows).
     */
    private static List<String> define(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        try (Statement sql = connection.createStatement()) {
            for (String table : TABLES) {
                sql.execute("drop table if exists " + table + SUFFIX); // a failed rebuild's
            }
            List<String> keys = new ArrayList<>();
            for (String table : TABLES) {
                TablesBeside.create(jdbc, table, SUFFIX, true);
                keys.addAll(TablesBeside.keys(jdbc, table, SUFFIX));
                keys.addAll(TablesBeside.indexes(jdbc, table, SUFFIX));
            }
            connection.commit();
            return keys;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static Written write(Connection connection, List<String> keys, String snapshot, PartTimes times)
            throws SQLException {
        // the persons of the moment the rebuild checked the rows read ahead in: the same person for each record
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement sql = connection.createStatement()) {
            sql.execute("set transaction snapshot '" + snapshot.replace("'", "") + "'");
            // the persons' aggregates in memory, as on the rebuild's connection; no workers: the other core is the
            // rebuild's
            sql.execute("set local work_mem = '64MB'");
            sql.execute("set local max_parallel_workers_per_gather = 0");
            sql.execute("set local max_parallel_maintenance_workers = 0");
            // emptied in the transaction that writes them: at the minimal WAL level their rows are not logged
            for (String table : TABLES) {
                sql.execute("truncate " + table + SUFFIX);
            }
            String several = times.get("several", () -> sql(() -> WarehouseSource.severalLinked(sql)));
            long rows = times.get("persons", () -> sql(() -> sql.executeLargeUpdate(ReportingRefresh.personsFrom(
                    "reporting.person_next", WarehouseSource.aheadWithPersons(connection, ReportsAhead.REPORTS,
                            ReportsAhead.REPORTS), several))));
            // told by the same records (V084): grouping every fact by person to count hers was a tenth of the statement
            times.run("person facts", () -> sql(() -> sql.execute("select reporting.person_facts_into("
                    + quoted(WarehouseSource.aheadWithPersons(connection, ReportsAhead.FACTS, ReportsAhead.FACTS))
                    + ", " + quoted(several)
                    + ", 'reporting.person_fact_next', 'reporting.office_person_fact_next')")));
            times.run("keys", () -> sql(() -> {
                for (String key : keys) {
                    sql.execute(key);
                }
                return null;
            }));
            // the persons' all-time cells of these facts, counted here rather than by the rebuild once they are in
            // place: its counts follow the swap, after everything else
            List<AllTimeCounts.Cell> cells = times.get("counts", () -> sql(() -> AllTimeCounts.personCells(
                    JdbcClient.create(new SingleConnectionDataSource(connection, true)), "reporting.person_fact_next",
                    WarehouseSource.aheadWithPersons(connection, ReportsAhead.FACTS, ReportsAhead.FACTS))));
            times.run("commit", () -> sql(() -> {
                connection.commit();
                return null;
            }));
            // counts and seconds only
            log.info("Person rows of {} persons written beside the rebuild in {}", rows, times);
            return new Written(cells);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** {@code text} as a string literal. */
    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * Waits until the tables beside are defined (before the rebuild empties its own) and returns true, their rows
     * then written in {@code snapshot} (exported by the transaction that checked the rows read ahead, open until
     * these rows are written); false when no connection was free for them yet: then they are not written, and the
     * rebuild writes its rows itself.
     */
    boolean awaitDefined(String snapshot) {
        try {
            // a free connection of the pool is lent at once, a new one opened in tens of milliseconds; a pool taken
            // (loads waiting for the refresh's lock hold one each) is not waited for
            if (!defined.await(CONNECTION_WAIT_SECONDS, TimeUnit.SECONDS) && state.compareAndSet(WAITING, TAKEN_BACK)) {
                return false;
            }
            defined.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new IllegalStateException("Rebuild interrupted", e);
        }
        wanted.complete(Optional.of(snapshot));
        return true;
    }

    /**
     * In the rebuild's transaction, once its reports are readied ({@link ReportsInPlace}): puts the rows written
     * aside in place of the person and per-person fact tables (waiting for them) and returns the persons' cells of the
     * all-time counts they give ({@link AllTimeCounts#recount(JdbcClient, List)}); empty when they were not written,
     * and the rebuild writes them and counts them itself.
     */
    Optional<List<AllTimeCounts.Cell>> putInPlace(JdbcClient jdbc) {
        if (state.compareAndSet(WAITING, TAKEN_BACK)) {
            return Optional.empty();
        }
        Written rows;
        try {
            rows = written.join();
        } catch (CompletionException e) {
            // class names only: the messages may quote values
            log.warn("Person rows not written beside the rebuild ({}); written by the rebuild",
                    e.getCause().getClass().getName());
            return Optional.empty();
        }
        if (rows == null) {
            return Optional.empty();
        }
        // an object of another's that depends on a table replaced (a view of a coordinator's) stops its drop: then the
        // swap is undone and the rebuild writes the rows itself, rather than failing
        if (!TablesBeside.putInPlace(jdbc, TABLES, SUFFIX)) {
            return Optional.empty();
        }
        return Optional.of(rows.personCells());
    }

    /**
     * When the rebuild ends without them: not started, or not written once defined, if they were not yet (the
     * rows of one being written are left beside, for the next rebuild to drop).
     */
    void cancel() {
        state.compareAndSet(WAITING, TAKEN_BACK);
        wanted.complete(Optional.empty());
    }

    /** A statement's work that may throw {@link SQLException}. */
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** The work's result, its {@link SQLException} rethrown unchecked (and caught as such by the write). */
    private static <T> T sql(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
