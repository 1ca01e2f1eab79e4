package org.gugus.persons;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.gugus.persons.linkage.PreparedRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The block keys of a bounded run into a store that holds none or few against them (a first load of a million
 * records, after a small office's) written beside the run, as {@link BlockKeysAside} writes those of a run in memory:
 * into {@code persons.victim_block_next} and {@code persons.block_next}, on a connection and in a transaction of their
 * own, their primary keys built there, while the run groups its blocks and scores them on its own connection. On the
 * run's connection the keys went into the table row by row from a temporary table, its indexes were built after, and
 * the blocks grouped from the table joined to the run's keys: about a minute of a 300,000-record run waited on the
 * server, the other core idle (issue 13). The keys are read again from the run's records
 * ({@link PreparedRecords#forEachKeys}, safe beside the scoring's reads) and go in by binary COPY, frozen and
 * all-visible (the tables are created by the transaction): a record's keys a row, in the records' order, and a
 * block a row, grouped here a range of hashes at a time ({@link BlockKeyRanges}). The run's transaction puts the
 * tables in place of {@code persons.block} and {@code persons.victim_block} ({@link #putInPlace()}): the keys count
 * with the run's persons or not at all; a run that fails or is killed leaves at most the tables beside, which the next
 * first load drops.
 * <p>
 * When no connection is free for them before the run needs to know, the run writes the keys itself, as before
 * ({@link #takeBack()}), and drops the tables a failed run left beside.
 */
final class BoundedKeysAside {

    private static final Logger log = LoggerFactory.getLogger(BoundedKeysAside.class);

    private static final int WAITING = 0;
    private static final int ASIDE = 1;
    private static final int TAKEN_BACK = 2;

    private final JdbcClient jdbc;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    private final CompletableFuture<Void> written;

    BoundedKeysAside(DataSource dataSource, JdbcClient jdbc, PreparedRecords held) {
        this.jdbc = jdbc;
        this.written = CompletableFuture.runAsync(() -> writeAside(dataSource, held), task -> {
            Thread thread = new Thread(task, "persons-bounded-block-keys");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private void writeAside(DataSource dataSource, PreparedRecords held) {
        try (Connection connection = dataSource.getConnection()) {
            if (!state.compareAndSet(WAITING, ASIDE)) {
                return; // the run took the keys back while this waited for a connection
            }
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                createNextTables(sql);
                long start = System.nanoTime();
                long[] keys = {0};
                // a record's keys a row, in the records' order, and each key into its range of hashes, to group the
                // blocks here a range at a time (7 million keys of a million records are not held here at once)
                try (BlockKeyRanges ranges = new BlockKeyRanges(held.size() * 8L)) {
                    try (IdRowsCopy copy = IdRowsCopy.onHeldConnection(connection, "copy persons.victim_block_next"
                            + " (victim_id, keys) from stdin with (format binary, freeze)")) {
                        held.forEachKeys((id, hashes, caps) -> {
                            if (hashes.length > 0) {
                                copy.row(id, hashes, hashes.length);
                            }
                            for (long hash : hashes) {
                                ranges.add(hash, id);
                            }
                            keys[0] += hashes.length;
                        });
                    }
                    try (IdRowsCopy copy = IdRowsCopy.onHeldConnection(connection,
                            "copy persons.block_next (key_hash, victims) from stdin with (format binary, freeze)")) {
                        ranges.forEachRange(rows -> PersonStore.copyBlocks(rows, copy));
                    }
                }
                long copied = System.nanoTime();
                buildNextKeys(sql);
                long indexed = System.nanoTime();
                sql.execute("analyze persons.block_next, persons.victim_block_next");
                connection.commit();
                log.info("Block keys aside: {} keys copied (a row a record, a row a block) {} s, primary keys {} s,"
                        + " analysed and committed {} s", keys[0], seconds(copied - start), seconds(indexed - copied),
                        seconds(System.nanoTime() - indexed));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("block keys not written aside", e);
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }

    /**
     * Whether the run must write the keys itself: true when no connection was free for them yet (they are then
     * not written aside at all), false when they are being written aside.
     */
    boolean takeBack() {
        if (state.compareAndSet(WAITING, TAKEN_BACK)) {
            dropFailedRunsTable(jdbc);
            return true;
        }
        return state.get() == TAKEN_BACK;
    }

    /**
     * In the run's transaction, when it writes its keys itself: the table a failed or killed run left beside dropped,
     * as writing aside drops it (nothing writes it any more; a kill before the run's commit leaves it as it was).
     */
    static void dropFailedRunsTable(JdbcClient jdbc) {
        jdbc.sql("drop table if exists persons.block_next, persons.victim_block_next").update();
    }

    /** The tables beside ({@code persons.block_next}, {@code persons.victim_block_next}), a failed run's dropped. */
    static void createNextTables(Statement sql) throws SQLException {
        sql.execute("drop table if exists persons.block_next, persons.victim_block_next"); // a failed run's
        sql.execute("create table persons.block_next (like persons.block including all excluding indexes)");
        sql.execute("create table persons.victim_block_next"
                + " (like persons.victim_block including all excluding indexes)");
        // as the tables they replace: no statistics of the arrays (not copied by "like")
        sql.execute("alter table persons.block_next alter column victims set statistics 0");
        sql.execute("alter table persons.victim_block_next alter column keys set statistics 0");
    }

    /** The primary keys of the tables beside, built once over their rows. */
    static void buildNextKeys(Statement sql) throws SQLException {
        sql.execute("set local maintenance_work_mem = '256MB'");
        sql.execute("alter table persons.block_next add constraint block_next_pkey primary key (key_hash)");
        sql.execute("alter table persons.victim_block_next add constraint victim_block_next_pkey"
                + " primary key (victim_id)");
    }

    /** In the run's transaction: the tables beside put in place of the block tables. */
    static void putNextTablesInPlace(JdbcClient jdbc) {
        jdbc.sql("drop table persons.block, persons.victim_block").update();
        jdbc.sql("alter table persons.block_next rename to block").update();
        jdbc.sql("alter table persons.block rename constraint block_next_pkey to block_pkey").update();
        jdbc.sql("alter table persons.victim_block_next rename to victim_block").update();
        jdbc.sql("alter table persons.victim_block rename constraint victim_block_next_pkey to victim_block_pkey")
                .update();
    }

    /**
     * In the run's transaction: the keys written aside put in place of the tables (waiting for them), with the few the
     * tables hold still merged in (the run deleted those of its records).
     */
    void putInPlace() {
        try {
            written.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        PersonStore.mergeBlockKeys(jdbc, "persons.victim_block", "persons.victim_block_next", "persons.block_next");
        putNextTablesInPlace(jdbc);
    }
}
