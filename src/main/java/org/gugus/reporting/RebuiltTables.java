package org.gugus.reporting;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reporting tables a refresh empties or sets the indexes of aside, locked for it all at once before its first
 * truncate or index drop. A reader of the schema (a coordinator's count, the background warm-up of the usual
 * periods) holds one of these tables while it waits for another. Taken one by one, by the truncate and the triggers
 * it fires (the reports, then their facts, then the per-person and per-case facts), the refresh came to hold the
 * reports and wait for their facts while a count held the facts and waited for the reports: the server then aborted
 * one of the two, as often the refresh as the count. Here a deadlock aborts at most this one statement, which is
 * undone to its savepoint, letting the reader through, and taken again.
 */
final class RebuiltTables {

    /**
     * Every table a rebuild empties, the facts first (most counts read the facts before the rows they join), then the
     * all-time counts (an all-time report reads them before the reports' files), then the rows: a reader that holds
     * an earlier one of these and asks for a later one is waited for, not deadlocked with.
     */
    static final List<String> ALL = List.of("report_fact", "person_fact", "office_person_fact", "case_fact",
            "office_case_fact", "all_time_count", "report", "person", "tppo_case");

    /** The tables whose indexes a refresh of many persons sets aside (its persons' and cases' rows stay). */
    static final List<String> INDEXED = List.of("report_fact", "person_fact", "office_person_fact", "case_fact",
            "office_case_fact", "report");

    /**
     * The tables a rebuild writes whole, row by row from the warehouse: their keys too are built after their rows
     * ({@link DeferredIndexes#dropKeys}). The all-time counts, which it also empties, are counted from them after.
     */
    static final List<String> WRITTEN_WHOLE = Stream.concat(INDEXED.stream(), Stream.of("person", "tppo_case"))
            .toList();

    /** Tries before the refresh gives up (and rolls back, as any failed refresh does). */
    static final int ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(RebuiltTables.class);

    private RebuiltTables() {
    }

    /**
     * Locks these tables of the reporting schema for the caller's transaction (it must have one), waiting for
     * their readers to finish; new readers wait for the transaction's end.
     */
    static void lock(JdbcClient jdbc, List<String> tables) {
        String lock = tables.stream().map(table -> "reporting." + table)
                .collect(Collectors.joining(", ", "lock table ", " in access exclusive mode"));
        for (int attempt = 1; ; attempt++) {
            jdbc.sql("savepoint reporting_tables").update();
            try {
                jdbc.sql(lock).update();
                jdbc.sql("release savepoint reporting_tables").update();
                return;
            } catch (PessimisticLockingFailureException e) {
                jdbc.sql("rollback to savepoint reporting_tables").update();
                jdbc.sql("release savepoint reporting_tables").update();
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("Reporting tables not locked for the refresh (a reader waited for one of them while"
                        + " holding another: {}); attempt {} of {}", e.getClass().getSimpleName(), attempt + 1, ATTEMPTS);
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while locking the reporting tables", e);
        }
    }
}
