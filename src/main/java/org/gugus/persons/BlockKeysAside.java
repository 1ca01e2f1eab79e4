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
 * A first load's block keys written beside the rest of its run: into tables of their own
 * ({@code persons.block_next}, {@code persons.victim_block_next}), on a connection and in a transaction of their own,
 * their primary keys built there, while the run scores, clusters and stores its persons on its connection (the copy
 * and the index builds were about a second of a first load's run, waited for). The run's transaction then puts those
 * tables in place of {@code persons.block} and {@code persons.victim_block} ({@link #putInPlace()}; they held none or
 * a small office's few, merged aside too): the keys count with the run's persons or not at all. A run that fails or is
 * killed leaves at most the tables beside, which the next first load drops.
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
                BoundedKeysAside.createNextTables(sql);
                // created by this transaction: the rows go in frozen and all-visible, the blocks grouped here from the
                // keys in key order
                BlockKeyRows rows = BlockKeyRows.byHash(victims, hashes, Math.toIntExact(keys));
                try (IdRowsCopy copy = IdRowsCopy.onHeldConnection(connection,
                        "copy persons.block_next (key_hash, victims) from stdin with (format binary, freeze)")) {
                    PersonStore.copyBlocks(rows, copy);
                }
                rows = null;
                try (IdRowsCopy copy = IdRowsCopy.onHeldConnection(connection,
                        "copy persons.victim_block_next (victim_id, keys) from stdin with (format binary, freeze)")) {
                    PersonStore.copyRecordsKeys(victims, hashes, copy);
                }
                BoundedKeysAside.buildNextKeys(sql);
                if (few) {
                    // the few stored (a small office's) merged with the run's, as the run puts them back in the emptied
                    // tables
                    for (String merge : PersonStore.mergeStatements("persons.victim_block", "persons.victim_block_next",
                            "persons.block_next")) {
                        sql.execute(merge);
                    }
                }
                sql.execute("analyze persons.block_next, persons.victim_block_next");
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
        BoundedKeysAside.putNextTablesInPlace(jdbc);
    }
}
