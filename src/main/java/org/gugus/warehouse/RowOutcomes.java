package org.gugus.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.gugus.system.PlannerMethodOff;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome of every data row of a loaded file ({@code warehouse.row_outcome}), kept when the
 * file is published, for the answer workbook an office receives; and the settling of an answer
 * workbook the office sent back fixed.
 */
@Component
public class RowOutcomes {

    private final JdbcClient jdbc;
    private final WarehouseJson json;

    RowOutcomes(JdbcClient jdbc, WarehouseJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Keeps the outcome of every staged row of the file being published: rejected, a duplicate (not
     * the winner of its identity in {@code plan_winner}), loaded with warnings, or loaded. Rows loaded
     * without a finding are kept as runs of consecutive rows ({@code warehouse.row_outcome_run}): a
     * re-delivery's unchanged rows, most of a file, then cost a few runs rather than a row each. The
     * thin rows are read as the runs they were staged in ({@code warehouse.staged_run}), unfolded only
     * where one of them lost to a later row of its record ({@code plan_thin_loser}).
     */
    static void keep(JdbcClient jdbc, long fileId) {
        // The judged rows read once; the thin rows stay in their runs (warehouse.staged_run), all loaded but
        // those that lost to a later row of their record (plan_thin_loser, a few at most). A run of outcomes
        // has ordinals and row numbers both consecutive, in one sheet: the loaded judged rows (one each) and
        // the thin runs (split where a row lost) are joined where they meet.
        // The file's judged rows meet the winners in one hash join, not a probe of the winners' index per row:
        // staged since warehouse.staged_row was last analyzed, they are taken for a few, and the probes of a
        // first delivery's 100,000 winners (a temporary table in identity-key order, fetched at random
        // through the session's few temporary buffers) took a third of the statement's CPU (issue 13).
        // Only this statement plans so.
        PlannerMethodOff.during(jdbc, "enable_nestloop", () -> jdbc.sql("""
                with judged as (
                    select s.ordinal, s.sheet, s.row_number, s.findings,
                           case when s.rejected then 'DITOLAK'
                                when p.ordinal is null then 'DUPLIKAT'
                                when s.findings <> '[]'::jsonb then 'PERINGATAN'
                                else 'DITERIMA' end as status
                      from warehouse.staged_row s
                      left join plan_winner p on p.ordinal = s.ordinal
                     where s.file_id = :file),
                thin as (
                    select u.first_ordinal, u.first_ordinal + cardinality(u.victim_ids) - 1 as last_ordinal, u.sheet,
                           u.first_row_number,
                           exists (select 1 from plan_thin_loser l
                                    where l.ordinal between u.first_ordinal
                                                        and u.first_ordinal + cardinality(u.victim_ids) - 1) as split
                      from warehouse.staged_run u
                     where u.file_id = :file),
                thin_row as (
                    select o as ordinal, t.sheet, t.first_row_number + (o - t.first_ordinal) as row_number,
                           o in (select ordinal from plan_thin_loser) as lost
                      from thin t
                     cross join lateral generate_series(t.first_ordinal, t.last_ordinal) o
                     where t.split),
                single as (
                    insert into warehouse.row_outcome (file_id, ordinal, sheet, row_number, status, findings)
                    select :file, ordinal, sheet, row_number, status,
                           case when findings = '[]'::jsonb then findings
                                else (select jsonb_agg(jsonb_build_object('code', f ->> 'code', 'field', f ->> 'field',
                                                                          'column', f ->> 'column'))
                                        from jsonb_array_elements(findings) f) end
                      from judged
                     where status <> 'DITERIMA'
                    union all
                    select :file, ordinal, sheet, row_number, 'DUPLIKAT', '[]'::jsonb
                      from thin_row
                     where lost
                    on conflict do nothing),
                segment as (
                    select ordinal as first_ordinal, ordinal as last_ordinal, sheet, row_number as first_row_number
                      from judged
                     where status = 'DITERIMA'
                    union all
                    select first_ordinal, last_ordinal, sheet, first_row_number
                      from thin
                     where not split
                    union all
                    select ordinal, ordinal, sheet, row_number
                      from thin_row
                     where not lost),
                joined as (
                    select *, sum(starts) over (order by first_ordinal) as run
                      from (select *, case when lag(last_ordinal) over w = first_ordinal - 1
                                            and lag(sheet) over w = sheet
                                            and lag(first_row_number - first_ordinal) over w = first_row_number - first_ordinal
                                           then 0 else 1 end as starts
                              from segment
                            window w as (order by first_ordinal)) s)
                insert into warehouse.row_outcome_run (file_id, first_ordinal, last_ordinal, sheet, first_row_number)
                select :file, min(first_ordinal), max(last_ordinal), min(sheet), min(first_row_number)
                  from joined
                 group by run
                on conflict do nothing
                """).param("file", fileId).update());
    }

    /** Whether outcomes were kept for the file (it was loaded). */
    public boolean kept(long fileId) {
        return jdbc.sql("""
                select exists (select 1 from warehouse.row_outcome where file_id = ?)
                    or exists (select 1 from warehouse.row_outcome_run where file_id = ?)
                """).params(fileId, fileId).query(Boolean.class).single();
    }

    /**
     * The outcomes of a file in file order, {@code limit} at a time after {@code afterOrdinal}; a
     * rejected row's findings with their messages. A file's ordinals are consecutive (every data row
     * has one outcome), so a page is the ordinals up to {@code afterOrdinal + limit}: the runs are
     * unfolded over that range only.
     */
    public List<RowOutcome> page(long fileId, int afterOrdinal, int limit) {
        return jdbc.sql("""
                select ordinal, sheet, row_number, status, findings
                  from (select o.ordinal, o.sheet, o.row_number, o.status, coalesce(r.findings, o.findings)::text as findings
                          from warehouse.row_outcome o
                          left join warehouse.rejected_row r
                                 on r.file_id = o.file_id and r.sheet = o.sheet and r.row_number = o.row_number
                         where o.file_id = :file and o.ordinal > :after and o.ordinal <= :after + :limit
                        union all
                        select n, u.sheet, u.first_row_number + (n - u.first_ordinal), 'DITERIMA', '[]'
                          from warehouse.row_outcome_run u
                         cross join lateral generate_series(greatest(u.first_ordinal, :after + 1),
                                                            least(u.last_ordinal, :after + :limit)) n
                         where u.file_id = :file and u.last_ordinal > :after and u.first_ordinal <= :after + :limit) outcomes
                 order by ordinal
                """).param("file", fileId).param("after", afterOrdinal).param("limit", limit)
                .query((rs, n) -> outcome(rs)).list();
    }

    /** Consecutive rows of one sheet loaded without a finding, kept as one ({@code warehouse.row_outcome_run}). */
    public record Run(int firstOrdinal, int lastOrdinal, String sheet, int firstRowNumber) {

        public int lastRowNumber() {
            return firstRowNumber + (lastOrdinal - firstOrdinal);
        }
    }

    /**
     * A stretch of a file's outcomes as kept: the rows kept one by one, and the runs.
     *
     * @param throughOrdinal the last ordinal this stretch answers for; the next starts after it
     */
    public record Kept(List<RowOutcome> rows, List<Run> runs, int throughOrdinal) {

        public boolean isEmpty() {
            return rows.isEmpty() && runs.isEmpty();
        }
    }

    /**
     * The outcomes of a file in file order as they are kept, for a reader of all of them (an answer
     * workbook): the rows with an outcome of their own among the ordinals after {@code afterOrdinal}
     * up to {@code afterOrdinal + limit} (a rejected row's findings with their messages), and the runs
     * that start there, not unfolded (a run may reach past the range; the stretch then answers through
     * its end). An empty stretch is the end of the file.
     */
    public Kept kept(long fileId, int afterOrdinal, int limit) {
        List<RowOutcome> rows = jdbc.sql("""
                select o.ordinal, o.sheet, o.row_number, o.status, coalesce(r.findings, o.findings)::text as findings
                  from warehouse.row_outcome o
                  left join warehouse.rejected_row r
                         on r.file_id = o.file_id and r.sheet = o.sheet and r.row_number = o.row_number
                 where o.file_id = :file and o.ordinal > :after and o.ordinal <= :after + :limit
                 order by o.ordinal
                """).param("file", fileId).param("after", afterOrdinal).param("limit", limit)
                .query((rs, n) -> outcome(rs)).list();
        List<Run> runs = jdbc.sql("""
                select first_ordinal, last_ordinal, sheet, first_row_number
                  from warehouse.row_outcome_run
                 where file_id = :file and first_ordinal > :after and first_ordinal <= :after + :limit
                 order by first_ordinal
                """).param("file", fileId).param("after", afterOrdinal).param("limit", limit)
                .query((rs, n) -> new Run(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getInt(4))).list();
        int through = afterOrdinal + limit;
        for (Run run : runs) {
            through = Math.max(through, run.lastOrdinal());
        }
        return new Kept(rows, runs, through);
    }

    private RowOutcome outcome(ResultSet rs) throws SQLException {
        String findings = rs.getString("findings");
        return new RowOutcome(rs.getInt("ordinal"), rs.getString("sheet"), rs.getInt("row_number"),
                RowStatus.valueOf(rs.getString("status")), "[]".equals(findings) ? List.of() : json.findings(findings));
    }

    /** The settlement of an answer workbook, if the file was one. */
    public Optional<AnswerSettlement> answer(long fileId) {
        return jdbc.sql("select file_id, answers_file_id, corrected, still_open from warehouse.file_answer where file_id = ?")
                .param(fileId)
                .query((rs, n) -> new AnswerSettlement(rs.getLong("file_id"), rs.getLong("answers_file_id"),
                        rs.getInt("corrected"), rs.getInt("still_open")))
                .optional();
    }

    /**
     * Settles a just-published answer workbook against the file it answers, in the publish's
     * transaction: each open rejected row of that file (of the same office) whose row the answer
     * now loads, or finds a duplicate, becomes CORRECTED with lineage to the answer; a row still
     * wrong stays open as it was, and the answer's copy of that rejection is dropped, so the review
     * queue holds it once. Rows are matched by sheet and row number, which the answer workbook keeps
     * (a single-sheet file matches whatever its sheet is called, as a CSV's becomes an XLSX sheet).
     * An answer to an answer settles against the first file. Does nothing when the answered file is
     * unknown, of another office, or the file itself.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<AnswerSettlement> settleAnswer(long fileId, long answersFileId, String officeCode) {
        long original = answer(answersFileId).map(AnswerSettlement::answersFileId).orElse(answersFileId);
        boolean sameOffice = original != fileId && jdbc.sql("""
                select exists (select 1 from ingest.received_file where id = ? and office_code = ?)
                """).params(original, officeCode).query(Boolean.class).single();
        if (!sameOffice) {
            return Optional.empty();
        }
        boolean singleSheets = sheets(original) == 1 && sheets(fileId) == 1;
        String sameRow = " n.row_number = r.row_number and (n.sheet = r.sheet or :single)";
        int corrected = jdbc.sql("""
                update warehouse.rejected_row r set status = 'CORRECTED', corrected_by_file_id = :file
                  from warehouse.row_outcome n
                 where r.file_id = :original and r.office_code = :office and r.status = 'OPEN'
                   and n.file_id = :file and n.status <> 'DITOLAK' and """ + sameRow)
                .param("file", fileId).param("original", original).param("office", officeCode)
                .param("single", singleSheets).update();
        // the rows loaded without a finding, kept as runs
        corrected += jdbc.sql("""
                update warehouse.rejected_row r set status = 'CORRECTED', corrected_by_file_id = :file
                  from warehouse.row_outcome_run u
                 where r.file_id = :original and r.office_code = :office and r.status = 'OPEN' and u.file_id = :file
                   and r.row_number between u.first_row_number and u.first_row_number + (u.last_ordinal - u.first_ordinal)
                   and (u.sheet = r.sheet or :single)
                """).param("file", fileId).param("original", original).param("office", officeCode)
                .param("single", singleSheets).update();
        int stillOpen = jdbc.sql("""
                delete from warehouse.rejected_row n using warehouse.rejected_row r
                 where n.file_id = :file and r.file_id = :original and r.office_code = :office and r.status = 'OPEN'
                   and """ + sameRow)
                .param("file", fileId).param("original", original).param("office", officeCode)
                .param("single", singleSheets).update();
        jdbc.sql("""
                insert into warehouse.file_answer (file_id, answers_file_id, corrected, still_open) values (?, ?, ?, ?)
                on conflict (file_id) do nothing
                """).params(fileId, original, corrected, stillOpen).update();
        return Optional.of(new AnswerSettlement(fileId, original, corrected, stillOpen));
    }

    private int sheets(long fileId) {
        return jdbc.sql("""
                select count(distinct sheet)
                  from (select sheet from warehouse.row_outcome where file_id = ?
                        union all
                        select sheet from warehouse.row_outcome_run where file_id = ?) sheets
                """).params(fileId, fileId).query(Integer.class).single();
    }
}
