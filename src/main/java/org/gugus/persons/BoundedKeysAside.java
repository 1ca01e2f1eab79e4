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
 * records, after a small office's) written
 * beside the run, as {@link BlockKeysAside} writes those of a run in memory: into {@code persons.block_key_next},
 * on a connection and in a transaction of their own, its two indexes built there, while the run groups its blocks
 * and scores them on its own connection. On the run's connection the keys went into the table row by row from a
 * temporary table, its two indexes were built after, and the blocks grouped from the table joined to the run's
 * keys: about a minute of a 300,000-record run waited on the server, the other core idle (issue 13). The keys are
 * read again from the run's records ({@link PreparedRecords#forEachKeys}, safe beside the scoring's reads) and go in
 * by binary COPY, frozen and all-visible (the table is created by the transaction), in the records' order: the
 * candidate searches of later runs read the covering index, not the table. The run's transaction puts the table in
 * place of {@code persons.block_key} ({@link #putInPlace()}): the keys count with the run's persons or not at all; a
 * run that fails or is killed leaves at most the table beside, which the next first load drops.
 * <p>
 * When no connection is free for them before the run needs to know, the run writes the keys itself, as before
 * ({@link #takeBack()}), and drops the table a failed run left beside.
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
                sql.execute("drop table if exists persons.block_key_next"); // a failed run's
                sql.execute("create table persons.block_key_next (like persons.block_key including all excluding indexes)");
                long start = System.nanoTime();
                long[] keys = {0};
                try (IdRowsCopy copy = IdRowsCopy.onHeldConnection(connection,
                        "copy persons.block_key_next (key_hash, victim_id) from stdin with (format binary, freeze)")) {
                    held.forEachKeys((id, hashes, caps) -> {
                        for (long hash : hashes) {
                            copy.row(hash, id);
                        }
                        keys[0] += hashes.length;
                    });
                }
                long copied = System.nanoTime();
                sql.execute("set local maintenance_work_mem = '256MB'");
                sql.execute("create index block_key_next_hash on persons.block_key_next (key_hash, victim_id)");
                long hashIndex = System.nanoTime();
                sql.execute("create index block_key_next_victim on persons.block_key_next (victim_id)");
                long victimIndex = System.nanoTime();
                sql.execute("analyze persons.block_key_next");
                connection.commit();
                log.info("Block keys aside: {} keys copied {} s, index by key {} s, by record {} s, analysed and committed {} s",
                        keys[0], seconds(copied - start), seconds(hashIndex - copied), seconds(victimIndex - hashIndex),
                        seconds(System.nanoTime() - victimIndex));
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
        jdbc.sql("drop table if exists persons.block_key_next").update();
    }

    /**
     * In the run's transaction: the keys written aside put in place of the table (waiting for them), with the few the
     * table holds still (the run deleted those of its records).
     */
    void putInPlace() {
        try {
            written.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        jdbc.sql("insert into persons.block_key_next (key_hash, victim_id) select key_hash, victim_id from persons.block_key")
                .update();
        jdbc.sql("drop table persons.block_key").update();
        jdbc.sql("alter table persons.block_key_next rename to block_key").update();
        jdbc.sql("alter index persons.block_key_next_hash rename to block_key_hash").update();
        jdbc.sql("alter index persons.block_key_next_victim rename to block_key_victim").update();
    }
}
