package org.gugus.persons;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.gugus.warehouse.LinkableVictims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirms that a first load's records are where the run took them from: the run took each pending record's values
 * from the row read ahead at its place in the file ({@link LinkageDigests#row}), the records being the file's rows in
 * the order their ids were drawn; this reads what the run would have read before it ({@link
 * LinkableVictims#forEachUnresolvedLinkageDigest}: each record's id, version and the digest of its values as
 * published) and finds each the record the run took at that place, at that version, with that row's digest.
 * <p>
 * The read runs beside the run, on a connection and in a transaction of its own (about half a second of server time
 * at 100,000 records that the run no longer waits for), and is waited for before the run writes anything a retry would
 * not write again; when no connection is free for it by then, the run reads it itself. Any difference, or a read that
 * fails (a server refusing MD5), refutes the places: the run is rolled back and done again reading its records by
 * their digests, as it did before.
 */
final class PlacesConfirmed {

    private static final Logger log = LoggerFactory.getLogger(PlacesConfirmed.class);

    private static final int WAITING = 0;
    private static final int BESIDE = 1;
    private static final int TAKEN_BACK = 2;

    private final LinkableVictims victims;
    private final PersonStore store;
    private final PersonStore.ListedRecords listed;
    private final LinkageDigests digests;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    private final CompletableFuture<Boolean> beside;

    /**
     * Starts the read beside ({@code besides}: a transaction of its own) of the records {@code listed}, the
     * {@code i}th taken from {@code digests}' {@code i}th row.
     */
    PlacesConfirmed(LinkableVictims victims, PersonStore store, TransactionTemplate besides,
            PersonStore.ListedRecords listed, LinkageDigests digests) {
        this.victims = victims;
        this.store = store;
        this.listed = listed;
        this.digests = digests;
        this.beside = CompletableFuture.supplyAsync(() -> besides.execute(status -> {
            // a connection is held from here: the run may no longer read the places itself
            if (!state.compareAndSet(WAITING, BESIDE)) {
                return null;
            }
            return confirm();
        }), task -> {
            Thread thread = new Thread(task, "persons-places");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * Whether every record is where the run took it from; waited for, or, when the read beside has no connection yet,
     * read on the run's own ({@code savepoint}: a failure of the statement fails it only).
     */
    boolean confirmed(TransactionTemplate savepoint) {
        if (state.compareAndSet(WAITING, TAKEN_BACK)) {
            try {
                return Boolean.TRUE.equals(savepoint.execute(status -> confirm()));
            } catch (DataAccessException e) {
                return false; // logged by the read
            }
        }
        try {
            return Boolean.TRUE.equals(beside.join());
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof DataAccessException)) { // a failed statement is logged by the read
                // the exception's class only, never a message: a message may quote a value
                log.warn("Resolution: the places of a first load's records not confirmed ({}): resolved again by their"
                        + " digests", e.getCause().getClass().getName());
            }
            return false;
        }
    }

    /** The warehouse's pending records compared, in id order, with those the run took, place by place. */
    private boolean confirm() {
        // the pending list's statistics as it is now, for the warehouse's join of it (see PersonStore#analysePendingList);
        // beside the run only: in the run's transaction the analysis would hold the list against the one beside
        if (state.get() == BESIDE) {
            store.withMemoryForManyRecords();
            store.analysePendingList();
        }
        long[] ids = listed.ids();
        int[] versions = listed.versions();
        int[] next = {0};
        boolean[] same = {true};
        try {
            victims.forEachUnresolvedLinkageDigest((id, version, digest) -> {
                int place = next[0]++;
                if (same[0] && (place >= ids.length || ids[place] != id || versions[place] != version
                        || !digests.isRowsDigest(place, digest))) {
                    same[0] = false;
                }
            });
        } catch (DataAccessException e) {
            log.warn("Resolution: the places of a first load's records not confirmed (the statement failed: {}):"
                    + " resolved again by their digests", sqlState(e));
            throw e;
        }
        return same[0] && next[0] == ids.length;
    }

    private static String sqlState(DataAccessException e) {
        return e.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState()
                : e.getClass().getSimpleName();
    }
}
