package org.gugus.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.gugus.system.PartTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A first load's person rows and per-person facts written beside its rebuild: on connections and in transactions of
 * their own (the person rows on one, the per-person facts on a second when one is lent in time, else after the person
 * rows on the first), from the reports and report facts read ahead of the persons ({@link ReportsAhead}), each naming
 * its record's person as linked at the rebuild's check (which corrected those that came out otherwise), into tables
 * of their own
 * ({@code reporting.person_next}, {@code reporting.person_fact_next}, {@code reporting.office_person_fact_next})
 * with the keys, indexes, grants and storage settings of the tables they replace ({@link TablesBeside}), while the
 * rebuild readies the same rows to be put in place and writes their cases on its connection: the rebuild ran on one
 * server process while the other core idled. Nothing is read from the warehouse here. The rebuild's transaction
 * then puts the tables in place of its own ({@link #putInPlace}): they count with its reports or not at all, and
 * a reader sees the old schema or the new one, never a part. A rebuild that fails or is killed leaves at most
 * the tables beside, which the next one drops. The persons' cells of the all-time counts are counted here too, from
 * the per-person facts written, and written by the rebuild with the rows put in place, rather than counted by it
 * after the swap; but a whole rebuild's, which it sums from the month cells it makes.
 * <p>
 * The rows are written only when the rebuild takes the rows read ahead (checked against the warehouse and corrected,
 * {@link ReportsAhead.Read#whole}): each record has the same person here as in the reports put in place, read from
 * the same rows, and the links are not joined again (at a million records, three joins of a million reports or facts
 * with their links, and the records of persons of several counted from the links twice). Otherwise, when no
 * connection was free before the rebuild needed them, or when writing them failed, the rebuild writes them itself,
 * as before.
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

    /** The per-person fact tables, written on a connection of their own when one is lent in time. */
    private static final List<String> FACT_TABLES = TABLES.subList(1, TABLES.size());

    private final AtomicInteger state = new AtomicInteger(WAITING);
    private final CompletableFuture<Written> written;
    /** Whether the per-person facts are written on their own connection ({@code ASIDE}) or the person rows'. */
    private final AtomicInteger factsState = new AtomicInteger(WAITING);
    /** The persons' cells of the facts written on their own connection; null when they were not written there. */
    private final CompletableFuture<List<AllTimeCounts.Cell>> factsWritten;
    /** The statements of the fact tables' keys and indexes, once defined. */
    private volatile List<String> factKeys;
    /** Counted down once the tables beside are defined (or could not be). */
    private final CountDownLatch defined = new CountDownLatch(1);
    /**
     * Whether the rows are wanted once the tables are defined, and then the records of persons of several as the
     * rebuild's check found them: not when the rows read ahead were not taken (then the rows beside are not written
     * from them, and the scratch tables are left free to be emptied).
     */
    private final CompletableFuture<Optional<long[]>> wanted = new CompletableFuture<>();

    /** Rows written beside, with the persons' cells of the all-time counts they give. */
    private record Written(List<AllTimeCounts.Cell> personCells) {
    }

    /**
     * Whether the rows are a whole rebuild's: their tables analysed before they are committed, and the persons' cells
     * of the all-time counts left to the rebuild, which sums them from its month cells.
     */
    private final boolean whole;

    /**
     * Starts writing the rows aside (call while holding the refresh's lock: another rebuild's would drop them), the
     * per-person facts on a second connection when {@code factsAside} ({@code gugus.reporting.person-facts-aside}).
     * When {@code whole} (a whole rebuild's), each table is analysed by its writer (their statistics go with them when
     * they are put in place, rather than taken by the rebuild once it is alone: at a million persons 1.2 s on one
     * core), and the persons' all-time cells are not counted here ({@link AllTimeCounts#recountFromMonthCells}).
     */
    PersonRowsAside(DataSource dataSource, boolean factsAside, boolean whole) {
        this.whole = whole;
        this.written = CompletableFuture.supplyAsync(() -> writeAside(dataSource), daemon("reporting-persons-aside"));
        if (factsAside) {
            this.factsWritten = CompletableFuture.supplyAsync(() -> writeFactsAside(dataSource),
                    daemon("reporting-person-facts-aside"));
        } else {
            // written after the person rows, on their connection, as when no second one was lent before they were
            factsState.set(TAKEN_BACK);
            this.factsWritten = CompletableFuture.completedFuture(null);
        }
    }

    private static Executor daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        };
    }

    private Written writeAside(DataSource dataSource) {
        PartTimes times = new PartTimes();
        try (Connection connection = times.time("connection", dataSource::getConnection)) {
            if (!state.compareAndSet(WAITING, ASIDE)) {
                return null; // the rebuild took the rows back while this waited for a connection
            }
            List<String> keys;
            try {
                keys = times.time("define", () -> define(connection));
            } finally {
                defined.countDown();
            }
            try {
                Optional<long[]> several = wanted.join();
                if (several.isEmpty()) {
                    try (Statement sql = connection.createStatement()) {
                        for (String table : TABLES) {
                            sql.execute("drop table if exists " + table + SUFFIX);
                        }
                    }
                    return null;
                }
                return write(connection, keys, several.get(), times);
            } finally {
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("person rows not written aside: " + e.getMessage(), e);
        }
    }

    /**
     * The tables beside, empty, and the statements of the person rows' keys (the facts' kept for their connection),
     * committed before the rebuild empties its tables:
     * {@code like} holds a lock on the table it copies until its transaction ends, which the rebuild's truncation
     * would wait for (and the rebuild, holding its own, for these rows).
     */
    private List<String> define(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        try (Statement sql = connection.createStatement()) {
            for (String table : TABLES) {
                sql.execute("drop table if exists " + table + SUFFIX); // a failed rebuild's
            }
            List<String> keys = new ArrayList<>();
            List<String> facts = new ArrayList<>();
            for (String table : TABLES) {
                TablesBeside.create(jdbc, table, SUFFIX, true);
                List<String> of = FACT_TABLES.contains(table) ? facts : keys;
                of.addAll(TablesBeside.keys(jdbc, table, SUFFIX));
                of.addAll(TablesBeside.indexes(jdbc, table, SUFFIX));
            }
            connection.commit();
            factKeys = facts;
            return keys;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private Written write(Connection connection, List<String> keys, long[] severalRecords, PartTimes times)
            throws SQLException {
        try (Statement sql = begin(connection)) {
            // emptied in the transaction that writes them: at the minimal WAL level their rows are not logged
            sql.execute("truncate reporting.person" + SUFFIX);
            String several = times.time("several", () -> several(connection, sql, severalRecords));
            long rows = times.time("persons", () -> sql.executeLargeUpdate(ReportingRefresh.personsFrom(
                    "reporting.person_next", "select * from " + ReportsAhead.REPORTS, several)));
            times.time("keys", () -> execute(sql, keys));
            if (whole) {
                times.time("analyze", () -> sql.execute("analyze reporting.person" + SUFFIX));
            }
            List<AllTimeCounts.Cell> cells;
            if (factsState.compareAndExchange(WAITING, TAKEN_BACK) != ASIDE) {
                // no connection lent for the facts yet (or none asked for): written here, after the person rows
                cells = writeFacts(connection, sql, several, factKeys, whole, times);
                commit(connection, times);
            } else {
                commit(connection, times);
                cells = times.get("facts beside", factsWritten::join);
                if (cells == null) {
                    throw new IllegalStateException("person facts not written beside the person rows");
                }
            }
            // counts and seconds only
            log.info("Person rows of {} persons written beside the rebuild in {}", rows, times);
            return new Written(cells);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * The per-person facts on a connection of their own, beside the person rows (at a million reports the two took
     * 5.5-9.6 and 4.8-5.1 s one after the other, while the rebuild waited with a core idle): their cells, or null when
     * the person rows' connection writes them (no connection was lent before it needed them) or none are wanted.
     */
    private List<AllTimeCounts.Cell> writeFactsAside(DataSource dataSource) {
        PartTimes times = new PartTimes();
        try (Connection connection = times.time("connection", dataSource::getConnection)) {
            if (!factsState.compareAndSet(WAITING, ASIDE)) {
                return null;
            }
            try {
                // wanted or not once the tables are defined
                Optional<long[]> severalRecords = wanted.join();
                List<String> keys = factKeys;
                if (severalRecords.isEmpty() || keys == null) {
                    return null;
                }
                try (Statement sql = begin(connection)) {
                    String several = times.time("several", () -> several(connection, sql, severalRecords.get()));
                    List<AllTimeCounts.Cell> cells = writeFacts(connection, sql, several, keys, whole, times);
                    commit(connection, times);
                    log.info("Person facts written beside the rebuild in {}", times);
                    return cells;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } finally {
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("person facts not written aside: " + e.getMessage(), e);
        }
    }

    /**
     * Begins the transaction that writes rows beside, with the rebuild's settings; returns its statement. The rows
     * read ahead it reads are committed, corrected, and changed by no one after the check.
     */
    private static Statement begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        Statement sql = connection.createStatement();
        try {
            // the persons' aggregates in memory, as on the rebuild's connection; no workers: the other core is the
            // rebuild's
            sql.execute("set local work_mem = '64MB'");
            sql.execute("set local max_parallel_workers_per_gather = 0");
            sql.execute("set local max_parallel_maintenance_workers = 0");
            return sql;
        } catch (SQLException | RuntimeException e) {
            sql.close();
            throw e;
        }
    }

    /**
     * The per-person facts into their tables beside (emptied first, in this transaction), with their keys and
     * indexes, and the persons' cells of the all-time counts they give (none for a {@code whole} rebuild, which sums
     * them from its month cells).
     */
    private static List<AllTimeCounts.Cell> writeFacts(Connection connection, Statement sql, String several,
            List<String> keys, boolean whole, PartTimes times) throws SQLException {
        for (String table : FACT_TABLES) {
            sql.execute("truncate " + table + SUFFIX);
        }
        String facts = "select * from " + ReportsAhead.FACTS;
        // told by the same records (V084): grouping every fact by person to count hers was a tenth of the statement
        times.time("person facts", () -> sql.execute("select reporting.person_facts_into("
                + quoted(facts) + ", " + quoted(several)
                + ", 'reporting.person_fact_next', 'reporting.office_person_fact_next')"));
        times.time("fact keys", () -> execute(sql, keys));
        if (whole) {
            times.time("analyze", () -> execute(sql, FACT_TABLES.stream()
                    .map(table -> "analyze " + table + SUFFIX).toList()));
            // summed by the rebuild from its month cells, after the swap: counted here, they were the last second of
            // the last connection beside it to end (0.86-0.95 s at a million persons), while the others waited
            return List.of();
        }
        // the persons' all-time cells of these facts, counted here rather than by the rebuild once they are in
        // place: its counts follow the swap, after everything else
        return times.get("counts", () -> AllTimeCounts.personCells(
                JdbcClient.create(new SingleConnectionDataSource(connection, true)), "reporting.person_fact_next",
                facts));
    }

    private static Void execute(Statement sql, List<String> statements) throws SQLException {
        for (String statement : statements) {
            sql.execute(statement);
        }
        return null;
    }

    private static void commit(Connection connection, PartTimes times) throws SQLException {
        times.time("commit", () -> {
            connection.commit();
            return null;
        });
    }

    /**
     * On this connection, in its open transaction: {@code pg_temp.reporting_several} (dropped at its commit), the
     * records whose person has more than one as the rebuild's check found them ({@link ReportsAhead.Read#several}),
     * analysed: what tells the persons of several reports from those of one without grouping every report by person
     * ({@link ReportingRefresh#personsFrom(String, String, String)}).
     */
    private static String several(Connection connection, Statement statement, long[] records) throws SQLException {
        statement.execute("create temp table reporting_several (victim_id bigint) on commit drop");
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into pg_temp.reporting_several select unnest(?::bigint[])")) {
            insert.setObject(1, records);
            insert.executeUpdate();
        }
        statement.execute("analyze pg_temp.reporting_several");
        return "pg_temp.reporting_several";
    }

    /** {@code text} as a string literal. */
    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * Waits until the tables beside are defined (before the rebuild empties its own) and returns true, their rows
     * then written from the rows read ahead, checked and corrected, {@code several} the records of persons of several;
     * false when no connection was free for them yet: then they are not written, and the rebuild writes its rows
     * itself.
     */
    boolean awaitDefined(long[] several) {
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
        wanted.complete(Optional.of(several));
        return true;
    }

    /**
     * In the rebuild's transaction, once its reports are readied ({@link ReportsInPlace}): puts the rows written
     * aside in place of the person and per-person fact tables (waiting for them) and returns the persons' cells of the
     * all-time counts they give ({@link AllTimeCounts#recount(JdbcClient, List)}; none for a whole rebuild, which sums
     * them from its month cells); empty when they were not written, and the rebuild writes them and counts them itself.
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
}
