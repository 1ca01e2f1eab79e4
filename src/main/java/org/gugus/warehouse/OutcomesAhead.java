package org.gugus.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The row outcomes of an office's first delivery, worked out beside its publish, on a connection and a
 * server process of their own, while the publish's one process writes the cases and records (issue 13:
 * at a million rows the outcomes' statement took 3.9-6.3 s of the publish, the JVM idle meanwhile). They
 * depend on the file's staged rows alone: a first delivery has no thin rows, nothing of the warehouse
 * decides a row's outcome, and the staged rows stay as they are until the publish unstages them in its
 * own transaction. So the same statement as {@link RowOutcomes#keep} (its winners found again from the
 * staged rows, by the same rule) gives the same outcomes; the publish writes them in its transaction,
 * and nothing is written beside, so a kill leaves nothing behind.
 * <p>
 * Only what is kept is brought over: the rows with an outcome of their own (never a value of a row: codes,
 * fields and columns of their findings) and the runs of rows loaded without a finding. A file with more
 * than {@link #MOST} of them, or outcomes that could not be worked out, is kept by the publish's own
 * statement, as before.
 * <p>
 * A file whose identities are distinct has its outcomes told by its stage step as a rule ({@link StagedOutcomes},
 * noted with the staged file): they are taken from there, the same rows and runs, without its staged rows read again.
 */
final class OutcomesAhead {

    /** The outcomes brought into the JVM at most (a row or a run each, about a hundred bytes). */
    static final int MOST = 20_000;

    private static final Logger log = LoggerFactory.getLogger(OutcomesAhead.class);

    /**
     * The rows of {@code judged} with an outcome of their own: whether a run (false), ordinal, last ordinal, sheet, row
     * number, status, findings, a rejection's findings.
     */
    private static final String OWN = """
            select false, ordinal, ordinal, sheet, row_number, status,
                   case when findings = '[]'::jsonb then findings
                        else (select jsonb_agg(jsonb_build_object('code', f ->> 'code', 'field', f ->> 'field',
                                                                  'column', f ->> 'column'))
                                from jsonb_array_elements(findings) f) end::text,
                   case when status = 'DITOLAK' then findings::text end
              from judged
             where status <> 'DITERIMA'
            """;

    /** What both keep of the judged rows: the rows with an outcome of their own, then the runs of those loaded. */
    private static final String KEPT = """
            joined as (
                select *, sum(starts) over (order by first_ordinal) as run
                  from (select ordinal as first_ordinal, ordinal as last_ordinal, sheet, row_number as first_row_number,
                               case when lag(ordinal) over w = ordinal - 1
                                     and lag(sheet) over w = sheet
                                     and lag(row_number - ordinal) over w = row_number - ordinal
                                    then 0 else 1 end as starts
                          from judged
                         where status = 'DITERIMA'
                        window w as (order by ordinal)) s)
            """ + OWN + """
            union all
            select true, min(first_ordinal), max(last_ordinal), min(sheet), min(first_row_number), null, null, null
              from joined
             group by run
             limit ?
            """;

    /**
     * The same outcomes of a file whose stage step told them ({@link StagedOutcomes}, noted with the staged file): its
     * rows with an outcome of their own and its runs, as the stage step saw them, with no staged row read.
     */
    private static final String TOLD = """
            with told as (select outcomes from warehouse.staged_file where file_id = ?),
            judged as (
                select r.ordinal, r.sheet, r.row_number, r.findings,
                       case when r.rejected then 'DITOLAK' else 'PERINGATAN' end as status
                  from told, jsonb_to_recordset(told.outcomes -> 'rows')
                       as r (ordinal integer, sheet text, row_number integer, rejected boolean, findings jsonb))
            """ + OWN + """
            union all
            select true, r.first_ordinal, r.last_ordinal, r.sheet, r.first_row_number, null, null, null
              from told, jsonb_to_recordset(told.outcomes -> 'runs')
                   as r (first_ordinal integer, last_ordinal integer, sheet text, first_row_number integer)
             limit ?
            """;

    /**
     * The outcomes of each staged row of the file as {@link RowOutcomes#keep} finds them for a file without
     * thin rows, its winners ({@code plan_winner}) found here: the last row of each identity among the rows
     * not rejected. A row of its own (not a run) first: {@code run}, ordinal, last ordinal, sheet, row number,
     * status, findings.
     */
    private static final String OUTCOMES = """
            with winner as (
                select distinct on (s.identity_key) s.ordinal
                  from warehouse.staged_row s
                 where s.file_id = ? and not s.rejected
                 order by s.identity_key, s.ordinal desc),
            judged as (
                select s.ordinal, s.sheet, s.row_number, s.findings,
                       case when s.rejected then 'DITOLAK'
                            when w.ordinal is null then 'DUPLIKAT'
                            when s.findings <> '[]'::jsonb then 'PERINGATAN'
                            else 'DITERIMA' end as status
                  from warehouse.staged_row s
                  left join winner w on w.ordinal = s.ordinal
                 where s.file_id = ?),
            """ + KEPT;

    /**
     * The same outcomes of a file whose stage step saw no identity twice among its valid rows
     * ({@link StagingArea#identitiesDistinct(long)}): every valid row is its identity's winner, no row a
     * duplicate, and the staged rows are read once, not ranked first.
     */
    private static final String OUTCOMES_OF_DISTINCT = """
            with judged as (
                select s.ordinal, s.sheet, s.row_number, s.findings,
                       case when s.rejected then 'DITOLAK'
                            when s.findings <> '[]'::jsonb then 'PERINGATAN'
                            else 'DITERIMA' end as status
                  from warehouse.staged_row s
                 where s.file_id = ?),
            """ + KEPT;

    private final long fileId;
    private final CompletableFuture<Optional<Worked>> worked;

    private OutcomesAhead(long fileId, CompletableFuture<Optional<Worked>> worked) {
        this.fileId = fileId;
        this.worked = worked;
    }

    /** Starts working out the outcomes of the staged file, an office's first delivery, on a thread of its own. */
    static OutcomesAhead start(DataSource dataSource, long fileId) {
        return start(dataSource, fileId, false);
    }

    /**
     * @param identitiesDistinct whether the stage step saw no identity twice among the file's valid rows: none
     *                           is a duplicate ({@link StagingArea#identitiesDistinct(long)})
     */
    static OutcomesAhead start(DataSource dataSource, long fileId, boolean identitiesDistinct) {
        return start(dataSource, fileId, identitiesDistinct, MOST);
    }

    static OutcomesAhead start(DataSource dataSource, long fileId, int most) {
        return start(dataSource, fileId, false, most);
    }

    static OutcomesAhead start(DataSource dataSource, long fileId, boolean identitiesDistinct, int most) {
        CompletableFuture<Optional<Worked>> worked = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                worked.complete(work(dataSource, fileId, identitiesDistinct, most));
            } catch (Throwable e) {
                worked.completeExceptionally(e);
            }
        }, "gugus-outcomes-ahead");
        thread.setDaemon(true);
        thread.start();
        return new OutcomesAhead(fileId, worked);
    }

    /**
     * The outcomes, once worked out, as the publish will keep them and {@link RowOutcomes#kept} read them after its
     * commit; empty when {@link #keep} will not write them (too many), failed when they were not worked out.
     */
    CompletableFuture<Optional<OutcomesBeforeCommit>> beforeCommit(WarehouseJson json) {
        return worked.thenApply(outcomes -> outcomes.map(kept -> kept.beforeCommit(json)));
    }

    /**
     * Writes the outcomes worked out, in the caller's transaction, once they are; false when there are none
     * to write (too many, or not worked out): the caller then keeps them by {@link RowOutcomes#keep}.
     */
    boolean keep(JdbcClient jdbc) {
        Optional<Worked> outcomes;
        try {
            outcomes = worked.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for the outcomes of file " + fileId, e);
        } catch (ExecutionException e) {
            // never the exception's message: a server's error may quote a value
            log.warn("The outcomes of file {} were not worked out beside its publish ({}); the publish keeps them itself",
                    fileId, e.getCause().getClass().getName());
            return false;
        }
        if (outcomes.isEmpty()) {
            return false;
        }
        Worked kept = outcomes.get();
        if (!kept.rows().isEmpty()) {
            jdbc.sql("""
                    insert into warehouse.row_outcome (file_id, ordinal, sheet, row_number, status, findings)
                    select ?, t.* from unnest(?::integer[], ?::text[], ?::integer[], ?::text[], ?::jsonb[]) t
                    on conflict do nothing
                    """).params(fileId, kept.rows().stream().map(Single::ordinal).toArray(Integer[]::new),
                            kept.rows().stream().map(Single::sheet).toArray(String[]::new),
                            kept.rows().stream().map(Single::rowNumber).toArray(Integer[]::new),
                            kept.rows().stream().map(Single::status).toArray(String[]::new),
                            kept.rows().stream().map(Single::findings).toArray(String[]::new))
                    .update();
        }
        if (!kept.runs().isEmpty()) {
            jdbc.sql("""
                    insert into warehouse.row_outcome_run (file_id, first_ordinal, last_ordinal, sheet, first_row_number)
                    select ?, t.* from unnest(?::integer[], ?::integer[], ?::text[], ?::integer[]) t
                    on conflict do nothing
                    """).params(fileId, kept.runs().stream().map(RowOutcomes.Run::firstOrdinal).toArray(Integer[]::new),
                            kept.runs().stream().map(RowOutcomes.Run::lastOrdinal).toArray(Integer[]::new),
                            kept.runs().stream().map(RowOutcomes.Run::sheet).toArray(String[]::new),
                            kept.runs().stream().map(RowOutcomes.Run::firstRowNumber).toArray(Integer[]::new))
                    .update();
        }
        return true;
    }

    private static Optional<Worked> work(DataSource dataSource, long fileId, boolean identitiesDistinct, int most)
            throws SQLException {
        List<Single> rows = new ArrayList<>();
        List<RowOutcomes.Run> runs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try (Statement settings = connection.createStatement()) {
                    // the winners' and the rows' sorts in memory, as the publish's own (WarehousePublisher), and
                    // the file's judged rows met by hash: staged since the table was last analyzed, they may be
                    // taken for a few (RowOutcomes#keep)
                    settings.execute("set local work_mem = '256MB'");
                    settings.execute("set local enable_nestloop = off");
                }
                // a file whose identities are distinct has its outcomes told by its stage step, as a rule
                boolean told = identitiesDistinct && told(connection, fileId);
                try (PreparedStatement statement = connection.prepareStatement(
                        told ? TOLD : identitiesDistinct ? OUTCOMES_OF_DISTINCT : OUTCOMES)) {
                    int parameter = 1;
                    statement.setLong(parameter++, fileId);
                    if (!identitiesDistinct) {
                        statement.setLong(parameter++, fileId);
                    }
                    statement.setInt(parameter, most + 1);
                    try (ResultSet outcome = statement.executeQuery()) {
                        while (outcome.next()) {
                            if (rows.size() + runs.size() == most) {
                                return Optional.empty();
                            }
                            if (outcome.getBoolean(1)) {
                                runs.add(new RowOutcomes.Run(outcome.getInt(2), outcome.getInt(3), outcome.getString(4),
                                        outcome.getInt(5)));
                            } else {
                                rows.add(new Single(outcome.getInt(2), outcome.getString(4), outcome.getInt(5),
                                        outcome.getString(6), outcome.getString(7), outcome.getString(8)));
                            }
                        }
                    }
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        }
        return Optional.of(new Worked(rows, runs));
    }

    /** Whether the file's stage step told its outcomes, as {@link StagingArea#stagedWhole} notes them. */
    private static boolean told(Connection connection, long fileId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select exists (select 1 from warehouse.staged_file where file_id = ? and outcomes is not null)")) {
            statement.setLong(1, fileId);
            try (ResultSet told = statement.executeQuery()) {
                return told.next() && told.getBoolean(1);
            }
        }
    }

    /**
     * A row's outcome of its own: rejected, a duplicate, or loaded with warnings; {@code rejection}: a rejected row's
     * findings as kept with its rejection (with their messages), null for the others.
     */
    private record Single(int ordinal, String sheet, int rowNumber, String status, String findings, String rejection) {
    }

    private record Worked(List<Single> rows, List<RowOutcomes.Run> runs) {

        /** The outcomes as {@link RowOutcomes#kept} reads them once kept: a rejected row's findings its rejection's. */
        OutcomesBeforeCommit beforeCommit(WarehouseJson json) {
            List<RowOutcome> outcomes = rows.stream().map(row -> {
                String findings = row.rejection() != null ? row.rejection() : row.findings();
                return new RowOutcome(row.ordinal(), row.sheet(), row.rowNumber(), RowStatus.valueOf(row.status()),
                        "[]".equals(findings) ? List.of() : json.findings(findings));
            }).toList();
            return new OutcomesBeforeCommit(outcomes, runs);
        }
    }
}
