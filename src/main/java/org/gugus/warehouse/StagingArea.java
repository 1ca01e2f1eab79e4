package org.gugus.warehouse;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The warehouse's loading zone ({@code warehouse.staged_row}, and {@code warehouse.staged_run} for
 * the thin rows, as runs of consecutive rows): a file's judged rows wait here,
 * chunk by chunk, until {@link WarehousePublisher} publishes the file whole, or are discarded when
 * the file is quarantined. Nothing staged is visible in the warehouse.
 */
@Component
public class StagingArea {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    StagingArea(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /**
     * A writer that stages rows in the caller's transaction, a stage step's chunk: it commits without
     * waiting for the disk ({@link StagedRowWriter}).
     */
    public ItemWriter<StagedRow> writer() {
        return new StagedRowWriter(dataSource, true);
    }

    /**
     * Notes, in the caller's transaction (the stage step's last), that the stage step saw every row of the file:
     * how many it staged as valid ({@link StagedVictims#count}), whether no identity among them repeats, when
     * its publish takes each as its identity's winner without ranking them ({@link FirstDelivery}), and whether the
     * rows of each case agree on its report date, when each row's own is its case's ({@link
     * StagedVictims#forEachToPublish}). A file not being staged (no {@code warehouse.staged_file} row) notes nothing.
     */
    public void stagedWhole(long fileId, long validRows, boolean identitiesDistinct, boolean caseDatesAgree) {
        jdbc.sql("update warehouse.staged_file set valid_rows = ?, identities_distinct = ?, case_dates_agree = ?,"
                + " outcomes = null where file_id = ?").params(validRows, identitiesDistinct, caseDatesAgree, fileId)
                .update();
    }

    /**
     * {@link #stagedWhole(long, long, boolean, boolean)}, with the file's outcomes as the stage step told them (V113):
     * noted when it told every row's and no identity repeats (no row is a duplicate), for the publish to keep them
     * without reading the staged rows again ({@link OutcomesAhead}).
     */
    public void stagedWhole(long fileId, long validRows, boolean identitiesDistinct, boolean caseDatesAgree,
            StagedOutcomes outcomes) {
        stagedWhole(fileId, validRows, identitiesDistinct, caseDatesAgree);
        if (!identitiesDistinct || !outcomes.told()) {
            return;
        }
        List<StagedOutcomes.Single> singles = outcomes.singles();
        List<RowOutcomes.Run> runs = outcomes.runs();
        // made into JSON by the server, a few arrays sent: the findings are JSON already
        jdbc.sql("""
                update warehouse.staged_file
                   set outcomes = jsonb_build_object(
                       'rows', (select coalesce(jsonb_agg(jsonb_build_object('ordinal', o, 'sheet', s, 'row_number', n,
                                                                             'rejected', r, 'findings', f) order by o),
                                                '[]'::jsonb)
                                  from unnest(?::integer[], ?::text[], ?::integer[], ?::boolean[], ?::jsonb[])
                                       t (o, s, n, r, f)),
                       'runs', (select coalesce(jsonb_agg(jsonb_build_object('first_ordinal', a, 'last_ordinal', b,
                                                                             'sheet', s, 'first_row_number', n)
                                                          order by a), '[]'::jsonb)
                                  from unnest(?::integer[], ?::integer[], ?::text[], ?::integer[]) t (a, b, s, n)))
                 where file_id = ?
                """).params(singles.stream().map(StagedOutcomes.Single::ordinal).toArray(Integer[]::new),
                        singles.stream().map(StagedOutcomes.Single::sheet).toArray(String[]::new),
                        singles.stream().map(StagedOutcomes.Single::rowNumber).toArray(Integer[]::new),
                        singles.stream().map(StagedOutcomes.Single::rejected).toArray(Boolean[]::new),
                        singles.stream().map(StagedOutcomes.Single::findings).toArray(String[]::new),
                        runs.stream().map(RowOutcomes.Run::firstOrdinal).toArray(Integer[]::new),
                        runs.stream().map(RowOutcomes.Run::lastOrdinal).toArray(Integer[]::new),
                        runs.stream().map(RowOutcomes.Run::sheet).toArray(String[]::new),
                        runs.stream().map(RowOutcomes.Run::firstRowNumber).toArray(Integer[]::new), fileId)
                .update();
    }

    /** Whether the stage step noted that no identity repeats among the file's valid rows ({@link #stagedWhole}). */
    static boolean identitiesDistinct(JdbcClient jdbc, long fileId) {
        return noted(jdbc, fileId, "identities_distinct");
    }

    /** Whether the stage step noted that the valid rows of each case give one report date ({@link #stagedWhole}). */
    static boolean caseDatesAgree(JdbcClient jdbc, long fileId) {
        return noted(jdbc, fileId, "case_dates_agree");
    }

    /** A flag of the file's staging as the stage step noted it; false for a file without one. */
    private static boolean noted(JdbcClient jdbc, long fileId, String flag) {
        return jdbc.sql("select coalesce((select " + flag + " from warehouse.staged_file where file_id = ?), false)")
                .param(fileId).query(Boolean.class).single();
    }

    /** Drops what was staged of a file that will not be published. */
    public void discard(long fileId) {
        unstage(jdbc, fileId);
    }

    /**
     * Deletes the file's staged rows and what was kept of its staging. The rows of a file staged alone are
     * emptied with the whole table when no other session uses it (V097): nothing written per row, nothing
     * left to vacuum; the table is then held until the caller's transaction ends.
     */
    static void unstage(JdbcClient jdbc, long fileId) {
        jdbc.sql("select warehouse.unstage_rows(?)").param(fileId).query().singleRow();
        jdbc.sql("delete from warehouse.staged_run where file_id = ?").param(fileId).update();
        jdbc.sql("delete from warehouse.staged_file where file_id = ?").param(fileId).update();
    }

    /**
     * Whether the office's row hashes may have changed since the stage step matched the file's rows
     * against them: their generation moved since, or the file was staged without one being kept.
     * Read under the office's lock, it stays true or false until the publish commits.
     */
    static boolean rowHashesMoved(JdbcClient jdbc, long fileId, String officeCode) {
        return jdbc.sql("""
                select not exists (select 1 from warehouse.staged_file f
                                    where f.file_id = ? and f.office_code = ?
                                      and f.row_hash_generation = coalesce((select generation from warehouse.row_hash_generation
                                                                             where office_code = ?), 0))
                """).params(fileId, officeCode, officeCode).query(Boolean.class).single();
    }

    /**
     * The row hashes of the office's records judged without findings from a delivery received on or
     * before {@code receivedOn} (a date rule compares with the day received), from the narrow
     * {@code warehouse.victim_row_hash}: sorted by the server and sent as one value of 24 bytes a
     * record (the hash's first 16 bytes, record id), not as a row of text each. Read in one statement
     * with the generation of the office's row hashes, which is kept for the file being staged
     * ({@code warehouse.staged_file}; the oldest, if the stage step restarted and reads them again),
     * so the publish checks the file's thin rows only when the hashes have changed since.
     */
    public KnownRows knownRows(long fileId, String officeCode, LocalDate receivedOn) {
        byte[] packed;
        long generation;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (var memory = connection.createStatement()) {
                // the office's hashes sorted in memory: a million of them take some 40 MB
                memory.execute("set local work_mem = '64MB'");
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    select coalesce((select generation from warehouse.row_hash_generation where office_code = ?), 0),
                           (select string_agg(int8send(prefix) || substring(row_hash from 9 for 8) || int8send(victim_id),
                                              ''::bytea order by prefix)
                              from warehouse.victim_row_hash
                             where office_code = ? and received_on <= ?)
                    """);
                    PreparedStatement staged = connection.prepareStatement("""
                    insert into warehouse.staged_file (file_id, office_code, row_hash_generation) values (?, ?, ?)
                    on conflict (file_id) do update
                       set row_hash_generation = least(staged_file.row_hash_generation, excluded.row_hash_generation)
                    """)) {
                // the packed hashes sent in binary from the first execution: as text they come as hex, twice
                // the bytes, decoded on the client (a negative threshold forces binary transfer)
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
                statement.setString(1, officeCode);
                statement.setString(2, officeCode);
                statement.setObject(3, receivedOn);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    generation = rows.getLong(1);
                    packed = rows.getBytes(2);
                }
                staged.setLong(1, fileId);
                staged.setString(2, officeCode);
                staged.setLong(3, generation);
                staged.executeUpdate();
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot read the row hashes of office " + officeCode, e);
        }
        if (packed == null) {
            return KnownRows.NONE;
        }
        ByteBuffer records = ByteBuffer.wrap(packed); // int8send is big-endian, as ByteBuffer reads
        int size = packed.length / 24;
        long[] prefixes = new long[size];
        long[] nextBytes = new long[size];
        long[] victims = new long[size];
        for (int i = 0; i < size; i++) {
            prefixes[i] = records.getLong();
            nextBytes[i] = records.getLong();
            victims[i] = records.getLong();
        }
        return new KnownRows(prefixes, nextBytes, victims, size);
    }

    /**
     * The thin rows of a file ({@link StagedRow#repeats()}) whose record no longer carries their row
     * hash (a correction or a later delivery changed it since they were staged): they must be judged
     * after all before the file is published.
     */
    public List<Integer> unresolved(long fileId, String officeCode) {
        return unresolved(jdbc, fileId, officeCode);
    }

    static List<Integer> unresolved(JdbcClient jdbc, long fileId, String officeCode) {
        // Each thin row's record looked up by its id, always (a sub-plan per row, never a join): as an
        // anti-join the same check took 0.6 s in one re-delivery of 100,000 rows and 4.7 and 5.9 s in
        // the next two, as the planner's guess of the freshly staged rows went (issue 13). Looked up in
        // the narrow table of row hashes, not in the wide records: 0.5 s for 99,000 thin rows there.
        // The thin rows are unfolded from their runs (warehouse.staged_run), which the file's key finds.
        return jdbc.sql("""
                select u.first_ordinal + t.i::integer - 1
                  from warehouse.staged_run u
                 cross join lateral unnest(u.victim_ids) with ordinality t(victim_id, i)
                 where u.file_id = ?
                   and (select h.row_hash from warehouse.victim_row_hash h
                         where h.office_code = ? and h.victim_id = t.victim_id)
                       is distinct from substring(u.row_hashes from (t.i::integer - 1) * 32 + 1 for 32)
                 order by 1
                """).params(fileId, officeCode).query(Integer.class).list();
    }

    /** Stages these rows again in place of what was staged at their ordinals, in the caller's transaction. */
    public void restage(long fileId, List<StagedRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Integer[] ordinals = rows.stream().map(StagedRow::ordinal).toArray(Integer[]::new);
        // rows judged again were not seen by the stage step's count of identities, nor its cases' dates
        jdbc.sql("update warehouse.staged_file set identities_distinct = false, case_dates_agree = false"
                + " where file_id = ?").param(fileId).update();
        jdbc.sql("delete from warehouse.staged_row where file_id = ? and ordinal = any(?)").params(fileId, ordinals)
                .update();
        // a run holding one of them is split into runs of one, without it (a rare path: the thin rows
        // whose record changed between the stage and the publish)
        jdbc.sql("""
                with split as (
                    delete from warehouse.staged_run u
                     where u.file_id = ?
                       and exists (select 1 from unnest(cast(? as integer[])) o
                                    where o between u.first_ordinal
                                                and u.first_ordinal + cardinality(u.victim_ids) - 1)
                    returning u.*)
                insert into warehouse.staged_run (file_id, first_ordinal, sheet, first_row_number, victim_ids, row_hashes)
                select s.file_id, s.first_ordinal + t.i::integer - 1, s.sheet, s.first_row_number + t.i::integer - 1,
                       array[t.victim_id], substring(s.row_hashes from (t.i::integer - 1) * 32 + 1 for 32)
                  from split s
                 cross join lateral unnest(s.victim_ids) with ordinality t(victim_id, i)
                 where s.first_ordinal + t.i::integer - 1 <> all(cast(? as integer[]))
                """).params(fileId, ordinals, ordinals).update();
        new StagedRowWriter(dataSource, false).write(new Chunk<>(new ArrayList<>(rows)));
    }
}
