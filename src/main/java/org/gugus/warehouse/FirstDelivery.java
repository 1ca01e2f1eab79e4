package org.gugus.warehouse;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gugus.system.PartTimes;
import org.gugus.system.PlannerMethodOff;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The publish of an office's first delivery (the office has no record and no case yet; its lock keeps
 * another publish from adding one): every winner is a new record, so nothing is looked up, compared,
 * kept as history or replaced. Each winner's record id is drawn in the plan ({@code publish_plan.victim_id}),
 * so the record (its code lists in its {@code case_row}), row hash, flags and pending note are each written
 * by one plain insert from the plan, with no conflict clause and without the ids returned and joined back by identity
 * (issue 13: the upsert with its returned ids took half of a first load's publish). The records go in
 * without a unique key, whose office's index ({@link OfficeIdentityIndex}) is built after them.
 * <p>
 * The plan is narrow: the id, the row's place (and where the staged row lies, its {@code ctid}), its case's fields,
 * findings, hash and writer. The record's insert reads the rest of its row from the staged rows, each where it lies,
 * in the plan's order (issue 13: by its key, the index's pages read for each row, 2.3-3.3 s at a million against
 * 1.6-1.9 s replayed). A copy of the wide rows in the plan
 * (about 870 bytes a row: the values, the original cells, the names) was written once, scanned by every
 * statement of the publish, and its writing was most of the plan (issue 13: at 100,000 rows the plan 0.65-0.88 s
 * against 0.29-0.35 s, the records' insert 1.42-1.52 s against 1.64-1.87 s; at a million the plan 7.9-14.0 s
 * against 3.8-5.0 s, the insert 14.6-19.8 s against 17.3-20.7 s).
 */
final class FirstDelivery {

    /** The record ids' sequence, that of {@code warehouse.victim.id}. */
    private static final String VICTIM_IDS = "'warehouse.victim_id_seq'";

    private FirstDelivery() {
    }

    /**
     * The temporary table {@code publish_plan}: the file's winners ({@code plan_winner}), each with the id of
     * its new record, its place in the file, its case's fields, its findings, its row's hash and the transaction that
     * staged it ({@code writer}, what {@link FirstDeliveryPlaces#vouch} vouches for); not its other
     * values, which the records' insert reads from the staged rows. Read straight from the file's staged rows,
     * not looked up winner by winner: only when the file repeats an identity are the rows that lost dropped after.
     * <p>
     * The ids are drawn in the file's order (the server draws them after the order, through the staged rows'
     * key, without a sort): in the order the rows lay in the table, a scan that started where another
     * session's scan of the large staging table stood (the server's synchronised scans) gave the same file
     * other ids under load, and the persons found from them differed (a million-row workbook, issue 13).
     *
     * @param identitiesDistinct whether the stage step saw no identity twice among the file's valid rows
     *                           ({@link StagingArea#identitiesDistinct(long)}): every one of them wins, and no
     *                           {@code plan_winner} was ranked to drop the others by
     * @return how many records the plan writes
     */
    static long plan(JdbcClient jdbc, long fileId, boolean identitiesDistinct) {
        // through the key, not sorted: sorting a million wide rows spilled a gigabyte to disk
        int judged = PlannerMethodOff.during(jdbc, "enable_sort", () -> jdbc.sql("""
                create temporary table publish_plan on commit drop as
                select nextval(""" + VICTIM_IDS + """
                       ) as victim_id, s.file_id, s.ordinal, s.ctid as staged_at, s.sheet, s.row_number, s.case_number,
                       s.report_date, s.incident_date, s.case_stage, s.findings, s.row_hash,
                       s.xmin::text::bigint as writer
                  from warehouse.staged_row s
                 where s.file_id = ? and not s.rejected
                 order by s.ordinal
                """).param(fileId).update());
        if (identitiesDistinct) {
            return judged;
        }
        long winners = jdbc.sql("select count(*) from plan_winner").query(Long.class).single();
        if (judged != winners) {
            // duplicates: their drawn ids stay unused, as a rolled-back insert leaves its ids
            jdbc.sql("delete from publish_plan p where not exists (select 1 from plan_winner w where w.ordinal = p.ordinal)")
                    .update();
        }
        return winners;
    }

    /**
     * The temporary table {@code plan_winner}: the last row of each identity among the file's valid rows (their
     * ordinals, identity keys and the hashes of those judged without a finding), ranked from the staged rows.
     */
    static void rankWinners(JdbcClient jdbc, long fileId) {
        jdbc.sql("""
                create temporary table plan_winner on commit drop as
                select distinct on (s.identity_key) s.ordinal, s.identity_key, null::bigint as victim_id,
                       null::char(64) as old_hash, false as known,
                       case when s.findings = '[]'::jsonb then s.row_hash end as clean_row_hash
                  from warehouse.staged_row s
                 where s.file_id = ? and not s.rejected
                 order by s.identity_key, s.ordinal desc
                """).param(fileId).update();
    }

    /**
     * Lists the new records pending for persons (see WarehousePublisher#upsertVictims): as the one range of ids
     * the places noted ({@code persons.pending_range}, V111) when the plan's ids are one, else one row each. At a
     * million records the rows and their index took 1.6-2.8 s of the publish (issue 13).
     */
    private static void listPending(JdbcClient jdbc) {
        int ranges = jdbc.sql("""
                insert into persons.pending_range (first_id, last_id)
                select d.first_id, d.last_id
                  from warehouse.first_delivery_places d
                 where d.file_id = (select file_id from publish_plan limit 1) and d.first_id is not null
                """).update();
        if (ranges == 0) {
            jdbc.sql("insert into persons.pending_victim (victim_id, victim_version)"
                    + " select victim_id, 1 from publish_plan").update();
        }
    }

    /**
     * Writes the plan's new records; returns inserted/updated/unchanged.
     *
     * @param planned        how many records the plan writes ({@link #plan}): the staged rows are found where they
     *                       lay when it was made, and a row found no longer there fails the publish
     * @param wholePlan      whether the plan holds every valid staged row of the file (no identity repeated: none
     *                       dropped)
     * @param recordsWritten run once the records are inserted, before their index and the narrower tables
     */
    static Map<String, Long> insert(JdbcClient jdbc, OfficeIdentityIndex identities, LocalDate receivedOn,
            long planned, boolean wholePlan, PartTimes times, Runnable recordsWritten) {
        String officeCode = identities.officeCode();
        // before the first write, so that the index can be built after the records (see OfficeIdentityIndex)
        times.run("lock", () -> OfficeIdentityIndex.lockForFirstDelivery(jdbc));
        times.run("cases", () -> jdbc.sql("""
                insert into warehouse.tppo_case (office_code, case_number, report_date, incident_date, case_stage,
                                                 source_file_id, source_sheet, source_row)
                select distinct on (case_number)
                       ?, case_number, report_date::date, incident_date::date, case_stage, file_id, sheet, row_number
                  from publish_plan
                 order by case_number, ordinal desc
                """).param(officeCode).update());
        // each winner's wide row fetched where the plan found it, in the plan's order (the staged rows' order):
        // whatever the planner guesses of the staged rows, which it may not have seen yet (see
        // WarehousePublisher#planWinners). Nothing of a first delivery stages its rows again after the plan; a row
        // written since (another version, elsewhere) would not be found there, and is counted below.
        long inserted = times.get("victims", () -> (long) jdbc.sql("""
                insert into warehouse.victim (id, %s)
                overriding system value
                select w.victim_id, %s
                  from publish_plan w
                 cross join lateral (select * from warehouse.staged_row s
                                      where s.ctid = w.staged_at and s.file_id = w.file_id and s.ordinal = w.ordinal
                                     offset 0) p
                  join warehouse.tppo_case c on c.office_code = ? and c.case_number = w.case_number
                """.formatted(VictimColumns.NAMES, VictimColumns.FROM_PLAN)).param(officeCode).update());
        if (inserted != planned) {
            throw new IllegalStateException(("A first delivery wrote %d records of the %d its plan holds: its staged"
                    + " rows were written again after the plan").formatted(inserted, planned));
        }
        recordsWritten.run();
        // the office's unique key built over its records at once, not entry by entry as they went in
        times.run("identity index", () -> identities.build(jdbc));
        if (receivedOn != null) {
            // a record judged without a finding keeps its row's hash (see WarehousePublisher#writeRowHashes)
            // into a partition of the office's own, built whole (see OfficeRowHashes)
            times.run("victims' row hashes", () -> new OfficeRowHashes(officeCode).writeFirst(jdbc, """
                    select ?, victim_id, ('x' || encode(substring(row_hash from 1 for 8), 'hex'))::bit(64)::bigint,
                           row_hash, ?
                      from publish_plan
                     where findings = '[]'::jsonb and row_hash is not null
                    """, officeCode, receivedOn));
        }
        times.run("flags", () -> jdbc.sql("""
                insert into warehouse.victim_flag (victim_id, code, field, column_header, value, message_id, message_en,
                                                   source_file_id)
                select p.victim_id, f ->> 'code', f ->> 'field', f ->> 'column', f ->> 'value', f ->> 'message_id',
                       f ->> 'message_en', p.file_id
                  from publish_plan p
                 cross join lateral jsonb_array_elements(p.findings) f
                 where p.findings <> '[]'::jsonb
                """).update());
        times.run("places", () -> FirstDeliveryPlaces.vouch(jdbc, wholePlan));
        times.run("pending", () -> listPending(jdbc));
        Map<String, Long> plan = new LinkedHashMap<>();
        plan.put("inserted", inserted);
        plan.put("updated", 0L);
        plan.put("unchanged", 0L);
        return plan;
    }
}
