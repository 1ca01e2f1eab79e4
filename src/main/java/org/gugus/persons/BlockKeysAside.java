package org.gugus.persons;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A first load's block keys written beside the rest of its run: into a table of their own
 * ({@code persons.block_key_next}), on a connection and in a transaction of their own, its two indexes built there,
 * while the run scores, clusters and stores its persons on its connection (the copy and the two index builds were
 * about a second of a first load's run, waited for). The run's transaction then puts that table in place of the
 * {@code persons.block_key} ({@link #putInPlace()}; it held none or a small office's few, copied aside too): the keys
 * count with the run's persons or not at all. A run that fails or is killed leaves at most the table beside, which the
 * next first load drops.
 * <p>
 * The keys are written aside only when a connection is free for them before the run needs them: with the pool taken
 * (loads waiting for the run's lock hold a connection each) the run writes them itself, as before
 * ({@link PersonStore#addBlockKeys}), and drops the table a failed run left beside.
 */
final class BlockKeysAside {

    private static final int WAITING = 0;
    private static final int ASIDE = 1;
    private static final int TAKEN_BACK = 2;

    private final JdbcClient jdbc;
    private final PersonStore store;
    private final List<Long> victims;
    private final IntFunction<long[]> hashes;
    private final long keys;
    /** Whether the table holds a few keys (a small office's), copied with the run's. */
    private final boolean few;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    private final CompletableFuture<Void> written;

    /**
     * Starts writing the keys ({@code hashes} of each one's index in {@code victims}, {@code keys} in all) aside, with
     * the keys the table holds when {@code few}: none of the records given holds a key there that it has no longer.
     */
    BlockKeysAside(DataSource dataSource, JdbcClient jdbc, PersonStore store, List<Long> victims,
            IntFunction<long[]> hashes, long keys, boolean few) {
        this.jdbc = jdbc;
        this.few = few;
        this.store = store;
        this.victims = victims;
        this.hashes = hashes;
        this.keys = keys;
        this.written = CompletableFuture.runAsync(() -> writeAside(dataSource), task -> {
            Thread thread = new Thread(task, "persons-block-keys");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private void writeAside(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!state.compareAndSet(WAITING, ASIDE)) {
                return; // the run took the keys back while this waited for a connection
            }
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("drop table if exists persons.block_key_next"); // a failed run's
                sql.execute("create table persons.block_key_next (like persons.block_key including all excluding indexes)");
                // created by this transaction: the rows go in frozen and all-visible (the next run's candidate searches
                // read the covering index without the table), in the order of the index on (key hash, record)
                BlockKeyRows rows = BlockKeyRows.byHash(victims, hashes, Math.toIntExact(keys));
                try (IdRowsCopy copy = IdRowsCopy.onHeldConnection(connection,
                        "copy persons.block_key_next (key_hash, victim_id) from stdin with (format binary, freeze)")) {
                    for (int row = 0; row < rows.size(); row++) {
                        copy.row(rows.hash(row), rows.victim(row));
                    }
                }
                if (few) {
                    // the few stored (a small office's), after the run's, as the run puts them back in the emptied table
                    sql.execute("insert into persons.block_key_next (key_hash, victim_id) select key_hash, victim_id"
                            + " from persons.block_key");
                }
                sql.execute("set local maintenance_work_mem = '256MB'");
                sql.execute("create index block_key_next_hash on persons.block_key_next (key_hash, victim_id)");
                sql.execute("create index block_key_next_victim on persons.block_key_next (victim_id)");
                sql.execute("analyze persons.block_key_next");
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("block keys not written aside", e);
        }
    }

    /**
     * In the run's transaction: the keys written aside put in place of the table (waiting for them), or, when
     * no connection was free for them yet, written by the run itself.
     */
    void putInPlace() {
        if (state.compareAndSet(WAITING, TAKEN_BACK)) {
            BoundedKeysAside.dropFailedRunsTable(jdbc);
            store.addBlockKeys(victims, hashes, keys);
            return;
        }
        try {
            written.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        jdbc.sql("drop table persons.block_key").update();
        jdbc.sql("alter table persons.block_key_next rename to block_key").update();
        jdbc.sql("alter index persons.block_key_next_hash rename to block_key_hash").update();
        jdbc.sql("alter index persons.block_key_next_victim rename to block_key_victim").update();
    }
}
