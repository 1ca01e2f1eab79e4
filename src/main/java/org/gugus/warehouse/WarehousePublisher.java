package org.gugus.warehouse;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.gugus.system.PartTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes a staged file to the warehouse in one transaction, set-based: the last row of each
 * identity wins (earlier ones are duplicates), new identities are inserted, changed ones updated
 * with their previous values kept as history, identical ones left alone; rejected rows go to
 * review. Nothing of a file is visible in the warehouse until all of it is. Publishes of one office
 * (files and corrections) take turns ({@link OfficeLock}); other offices publish alongside.
 */
@Component
public class WarehousePublisher {

    private static final Logger log = LoggerFactory.getLogger(WarehousePublisher.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final DataSource dataSource;
    private final WarehouseJson json;
    /** Whether a first delivery's outcomes are worked out beside its publish ({@link OutcomesAhead}). */
    private final boolean outcomesAhead;

    WarehousePublisher(JdbcClient jdbc, ApplicationEventPublisher events, DataSource dataSource, WarehouseJson json,
            @Value("${gugus.warehouse.outcomes-ahead:true}") boolean outcomesAhead) {
        this.jdbc = jdbc;
        this.events = events;
        this.dataSource = dataSource;
        this.json = json;
        this.outcomesAhead = outcomesAhead;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public PublishCounts publish(long fileId, String officeCode) {
        return publish(fileId, officeCode, null);
    }

    /**
     * @param receivedOn the day the file was received, kept with the row hashes of its records (see
     *                   {@link KnownRows}); null keeps none
     * @throws IllegalStateException when thin rows repeat records that changed since they were staged
     *                               (see {@link #publish(long, String, LocalDate, StaleRows)})
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PublishCounts publish(long fileId, String officeCode, LocalDate receivedOn) {
        return publish(fileId, officeCode, receivedOn, stale -> {
            throw new IllegalStateException("File " + fileId + " has " + stale.size()
                    + " staged rows repeating records that changed since; judge them again before publishing");
        });
    }

    /**
     * Publishes the file; thin rows whose record changed since they were staged are handed to
     * {@code stale} first, under the office's lock, to be judged again and staged in their place.
     *
     * @param receivedOn the day the file was received, kept with the row hashes of its records (see
     *                   {@link KnownRows}); null keeps none
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PublishCounts publish(long fileId, String officeCode, LocalDate receivedOn, StaleRows stale) {
        events.publishEvent(new PublishStarting(fileId, officeCode));
        PartTimes times = new PartTimes();
        OfficeLock.hold(jdbc, officeCode);
        // the office's key, made once: the plan, the first delivery's insert and the upsert all name it
        OfficeIdentityIndex identities = new OfficeIdentityIndex(officeCode);
        // under the lock: the thin rows checked here still repeat their records when the plan reads them
        times.run("stale rows", () -> judgeStaleRows(fileId, officeCode, stale));
        // A large file's plan sorts and hashes hundreds of thousands of rows: keep them in memory. The winners'
        // sort takes 15 MB and the cases' 12 MB at 100,000 rows, so about ten times as much at a million, where
        // under 64 MB they took 7.5 and 9.4 s against 3.2 and 4.8 s under 256 MB. A sort takes only the memory
        // it needs: a small file's statements use no more (issue 13).
        jdbc.sql("set local work_mem = '256MB'").update();
        PartTimes planTimes = new PartTimes();
        Planned planned = times.get("plan", () -> planWinners(fileId, identities, planTimes));
        Map<String, Long> plan;
        if (planned.firstDelivery()) {
            // once the records are written: what is left of the publish is their index and narrow tables on its one
            // server process, while the JVM's work ahead of the commit (the persons' preparation) has mostly ended (at
            // a million rows it has; at 100,000 it may still be at its last rows)
            OutcomesAhead outcomes = planned.outcomes();
            Runnable recordsWritten = outcomes == null ? () -> { }
                    : () -> events.publishEvent(new OutcomesWorkedOutAhead(fileId, outcomes.beforeCommit(json)));
            plan = FirstDelivery.insert(jdbc, identities, receivedOn, planned.newRecords(), planned.unranked(), times,
                    recordsWritten);
        } else {
            times.run("continuations", () -> VictimContinuation.apply(jdbc, fileId, officeCode));
            plan = applyPlan(identities, receivedOn, times);
        }
        // the thin winners: unchanged by definition, nothing of the warehouse to write
        plan.merge("unchanged", planned.thinWinners(), Long::sum);
        if (receivedOn != null && plan.get("unchanged") > 0) {
            times.run("row hashes", () -> keepRowHashes(officeCode, receivedOn));
        }
        // a first delivery's worked out beside it meanwhile, when they were
        times.run("outcomes", () -> {
            if (planned.outcomes() == null || !planned.outcomes().keep(jdbc)) {
                if (planned.unranked()) {
                    // the publish's own statement tells a duplicate from the winners it is given
                    FirstDelivery.rankWinners(jdbc, fileId);
                }
                RowOutcomes.keep(jdbc, fileId);
            }
        });

        PublishCounts counts = times.get("counts", () -> counts(fileId, plan));
        // the outcomes just kept count the rejected rows: a file without one (most of them) is not read
        // again for none (0.05-0.1 s of a first load of 100,000 rows, issue 13)
        if (counts.rejected() > 0) {
            times.run("rejections", () -> keepRejections(fileId, officeCode));
        }
        times.run("unstage", () -> {
            StagingTableClaim.pastAutovacuum(jdbc);
            StagingArea.unstage(jdbc, fileId);
        });
        // never a value of a row: the file, its office, counts and seconds
        log.info("Published file {} of office {}: {} rows read, {} inserted, {} updated, {} unchanged in {}; the plan {}",
                fileId, officeCode, counts.rowsRead(), counts.inserted(), counts.updated(), counts.unchanged(), times,
                planTimes);
        events.publishEvent(VictimsPublished.ofFile(fileId, officeCode));
        return counts;
    }

    private void judgeStaleRows(long fileId, String officeCode, StaleRows stale) {
        // Nothing wrote or deleted a row hash of the office since the stage step matched the file's rows
        // against them: every thin row still repeats its record (one look-up, not one per thin row:
        // 99,000 of them took 0.65-1.1 s at 100,000 rows, 5.7 s at a million).
        if (!StagingArea.rowHashesMoved(jdbc, fileId, officeCode)) {
            return;
        }
        List<Integer> ordinals = StagingArea.unresolved(jdbc, fileId, officeCode);
        if (ordinals.isEmpty()) {
            return;
        }
        try {
            stale.judgeAgain(ordinals);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("File " + fileId + ": rows repeating changed records not judged again", e);
        }
    }

    /** Judges thin rows again whose record changed since they were staged, and stages them in their place. */
    @FunctionalInterface
    public interface StaleRows {

        /** @param ordinals the rows' ordinals in the file, ascending */
        void judgeAgain(List<Integer> ordinals) throws Exception;
    }

    /**
     * The file's counts, read from the outcomes just kept ({@link RowOutcomes#keep}): every data row
     * has one, in a run or a row of its own, and a rejected row or one loaded with warnings keeps its
     * findings' codes there. Counting the file's wide staged rows and the plan's again read them twice more.
     */
    private PublishCounts counts(long fileId, Map<String, Long> plan) {
        long[] outcomes = jdbc.sql("""
                select (select count(*) from warehouse.row_outcome where file_id = :file)
                           + (select coalesce(sum(last_ordinal - first_ordinal + 1), 0)
                                from warehouse.row_outcome_run where file_id = :file),
                       (select count(*) from warehouse.row_outcome where file_id = :file and status = 'DITOLAK'),
                       (select count(*) from warehouse.row_outcome where file_id = :file and status = 'PERINGATAN')
                """).param("file", fileId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        long rowsRead = outcomes[0];
        long rejected = outcomes[1];
        long winners = plan.values().stream().mapToLong(Long::longValue).sum();
        return new PublishCounts(rowsRead, plan.get("inserted"), plan.get("updated"),
                plan.get("unchanged"), rowsRead - rejected - winners, rejected, outcomes[2],
                codeCounts(fileId, "DITOLAK", "E\\_%"), codeCounts(fileId, "PERINGATAN", "W\\_%"));
    }

    /**
     * Applies the temporary table {@code publish_plan} (rows of {@code warehouse.staged_row}'s shape plus
     * {@code correction_id}, the warehouse's {@code victim_id} and {@code old_hash}, and {@code changed}: whether
     * the two hashes differ, a column of its own so the planner knows how few rows change in a
     * re-delivery, where a comparison of two columns is estimated to hold for nearly every row) to the warehouse:
     * the one path by which file rows and corrected rows reach it. Returns inserted/updated/unchanged.
     */
    Map<String, Long> applyPlan(String officeCode) {
        return applyPlan(new OfficeIdentityIndex(officeCode), null, new PartTimes());
    }

    private Map<String, Long> applyPlan(OfficeIdentityIndex identities, LocalDate receivedOn, PartTimes times) {
        String officeCode = identities.officeCode();
        times.run("identity index", () -> identities.ensure(jdbc));
        Map<String, Long> plan = times.get("plan counts", this::planCounts);
        // a first delivery replaces nothing: no history to keep, no flags to delete
        boolean replaces = plan.get("updated") > 0;
        times.run("cases", () -> upsertCases(officeCode));
        if (replaces) {
            times.run("history", this::keepHistory);
        }
        times.run("victims", () -> upsertVictims(identities));
        if (replaces) {
            times.run("replaced flags", this::deleteReplacedFlags);
        }
        times.run("victims' row hashes", () -> writeRowHashes(officeCode, receivedOn, replaces));
        times.run("flags", this::insertFlags);
        return plan;
    }

    /**
     * The last valid row of each identity in the file ({@code plan_winner}: ordinal, identity key,
     * the record it updates and that record's content hash, whether it is a thin row), and the full
     * rows of the winners that were judged beside the warehouse's current version of them
     * ({@code publish_plan}).
     * <p>
     * A thin row (one repeating a record's row cell for cell, not judged again; checked under the
     * office's lock to repeat it still) is that record's identity and leaves it unchanged: it is
     * settled in the narrow winners' table by its record's id alone, without looking the wide record
     * up, and never enters {@code publish_plan}. A judged row of an existing record takes that
     * record's id as its identity too, so a thin and a judged row of one victim compete as before.
     * Only the thin rows whose record another row of the file names ({@link ContestedThinRows}) enter
     * {@code plan_winner}, and those that lose there are kept in {@code plan_thin_loser} (ordinal):
     * every other thin row is a winner.
     *
     * On an office's first delivery {@code publish_plan} holds every judged row instead, narrow, each with the id
     * its new record will have ({@link FirstDelivery}).
     *
     * @return how many thin rows win, and whether this is the office's first delivery
     */
    private Planned planWinners(long fileId, OfficeIdentityIndex identities, PartTimes times) {
        // The winners are found by their keys alone, in a table of their own with its statistics, then
        // their wide rows fetched: sorting whole rows spilled to disk at 100,000 rows, and the file's rows
        // were staged since autovacuum last looked at warehouse.staged_row, so the planner could take them
        // for a few (once a nested loop ran for minutes, issue 13). Analyzing the staging table itself
        // would make publishes of other offices wait for this one.
        // A thin row competes only with the file's other rows of its record; a record that one thin row
        // alone names (nearly every one in a re-delivery) leaves that row the winner without a sort, so
        // only the judged rows and the thin rows of records named more than once are ranked. Those are
        // found from the runs' arrays without unfolding them into a table: unfolding a re-delivery's
        // 99,000 thin rows, analyzing and grouping them took most of its plan (issue 13). A judged row's
        // record is probed by its identity, row by row (offset 0): joined, the planner could hash the
        // office's whole victim table for a thousand changed rows, its estimate of the file's staged rows
        // taken from an earlier, larger file (0.6-0.7 s of a 1 %-changed re-delivery of 100,000).
        ContestedThinRows thin = times.get("thin", () -> ContestedThinRows.read(jdbc, fileId, identities));
        // An office's first delivery (no record yet; its lock keeps another publish from adding one) has
        // no thin rows and no record to look up: 100,000 probes of the identity index that find nothing.
        boolean firstDelivery = !thin.any()
                && times.get("office's records", () -> !identities.officeHoldsRecords(jdbc));
        // A first delivery whose stage step saw no identity twice among its valid rows (as a rule): every one of
        // them wins, and ranking them (a sort of the staged rows into a table of their own, and its index: 4 s of
        // a million-row publish) would only find so (issue 13).
        boolean distinct = firstDelivery && times.get("distinct", () -> StagingArea.identitiesDistinct(jdbc, fileId));
        // a first delivery's outcomes depend on its staged rows alone: worked out on the other core meanwhile
        OutcomesAhead outcomes = firstDelivery && outcomesAhead ? OutcomesAhead.start(dataSource, fileId, distinct)
                : null;
        if (firstDelivery) {
            if (!distinct) {
                times.run("winners", () -> FirstDelivery.rankWinners(jdbc, fileId));
            }
        } else {
            times.run("winners", () -> jdbc.sql("""
                    create temporary table plan_winner on commit drop as
                    with judged as (
                        select s.ordinal, s.identity_key, v.id as victim_id, v.content_hash as old_hash, false as known,
                               coalesce(v.id::text, s.identity_key) as identity,
                               case when s.findings = '[]'::jsonb then s.row_hash end as clean_row_hash
                          from warehouse.staged_row s
                          left join lateral (select v.id, v.content_hash from warehouse.victim v
                                              where %s and v.identity_key = s.identity_key
                                             offset 0) v on true
                         where s.file_id = ? and not s.rejected)
                    select distinct on (identity) ordinal, identity_key, victim_id, old_hash, known, clean_row_hash
                      from (select * from judged
                            union all
                            select t.ordinal, null, t.victim_id, null, true, t.victim_id::text, null
                              from unnest(?::integer[], ?::bigint[]) t(ordinal, victim_id)) keyed
                     order by identity, ordinal desc
                    """.formatted(identities.records("v")))
                    .params(fileId, thin.ordinals(), thin.victimIds()).update());
        }
        // the thin rows that lost to a later row of their record: duplicates (none, or a few, as a rule)
        times.run("thin losers", () -> jdbc.sql("create temporary table plan_thin_loser on commit drop as"
                + " select unnest(?::integer[]) as ordinal").param(thin.losers()).update());
        // Every statement that joins the file's staged rows to the winners must stay cheap whatever the
        // planner guesses of those rows: staged since warehouse.staged_row was last analyzed, they may be
        // taken for one, and a nested loop over the winners without an index then ran for minutes
        // (a re-delivery of 100,000 rows, issue 13). So the winners are indexed by ordinal, and the
        // judged winners' staged rows are fetched by key, one winner at a time (offset 0 keeps the
        // sub-query from being turned into a join).
        if (!distinct) {
            times.run("winner index", () -> jdbc.sql("create index on plan_winner (ordinal)").update());
            times.run("winner analyze", () -> jdbc.sql("analyze plan_winner (ordinal, victim_id, known)").update());
        }
        if (firstDelivery) {
            // Every row is new: its wide row is read straight from the staged rows, not looked up by the
            // winners' ordinals (0.39-0.44 s of server CPU for 100,000 probes against 0.22-0.29 s; 2.6 s
            // against 1.2 s at 300,000, where the probes in identity-key order read the staged rows at
            // random, issue 13). No statement of a first delivery looks a row of the plan up by its identity or
            // picks the few changed ones (its continuations find no record of the office to continue), so
            // the plan is not read back for its statistics (0.4 s when it held the wide rows).
            long newRecords = times.get("wide rows", () -> FirstDelivery.plan(jdbc, fileId, distinct));
            return new Planned(thin.winners(), true, distinct, outcomes, newRecords);
        }
        times.run("wide rows", () -> jdbc.sql("""
                create temporary table publish_plan on commit drop as
                select s.file_id, s.ordinal, s.sheet, s.row_number, s.rejected, s.identity_key, s.person_key,
                       s.content_hash, """ + PLAN_VALUES + """
                       , s.original, s.original_headers, s.original_values, s.original_cells, s.findings, s.row_hash,
                       s.known_victim_id,
                       null::bigint as correction_id, w.victim_id, w.old_hash,
                       w.old_hash is distinct from s.content_hash as changed
                  from plan_winner w
                 cross join lateral (select * from warehouse.staged_row r
                                      where r.file_id = ? and r.ordinal = w.ordinal offset 0) s
                 where not w.known
                """).param(fileId).update());
        times.run("wide index", () -> jdbc.sql("create index on publish_plan (identity_key)").update());
        // statistics of the columns the statements join and filter on only: sampling the wide JSON
        // columns too took more than half a second at 100,000 rows, and no plan depends on them
        times.run("wide analyze", () -> jdbc.sql("analyze publish_plan (identity_key, ordinal, victim_id, changed)").update());
        return new Planned(thin.winners(), false, false, null, 0);
    }

    /**
     * What the plan found: how many thin rows win, whether the office has no record yet, whether its winners were
     * taken without ranking them (no {@code plan_winner}: no identity repeats), the outcomes being worked out
     * beside the publish (a first delivery's; null when none are), and how many records a first delivery writes.
     */
    private record Planned(long thinWinners, boolean firstDelivery, boolean unranked, OutcomesAhead outcomes,
            long newRecords) {
    }

    private Map<String, Long> planCounts() {
        return jdbc.sql("""
                select count(*) filter (where victim_id is null)                                   as inserted,
                       count(*) filter (where victim_id is not null and old_hash <> content_hash) as updated,
                       count(*) filter (where old_hash = content_hash)                             as unchanged
                  from publish_plan
                """).query((rs, n) -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    counts.put("inserted", rs.getLong("inserted"));
                    counts.put("updated", rs.getLong("updated"));
                    counts.put("unchanged", rs.getLong("unchanged"));
                    return counts;
                }).single();
    }

    private void upsertCases(String officeCode) {
        jdbc.sql("""
                insert into warehouse.tppo_case (office_code, case_number, report_date, incident_date, case_stage,
                                                 source_file_id, source_sheet, source_row)
                select distinct on (case_number)
                       ?, case_number, report_date::date, incident_date::date, case_stage, file_id, sheet, row_number
                  from publish_plan
                 where changed
                 order by case_number, ordinal desc
                on conflict (office_code, case_number) do update
                   set report_date = excluded.report_date, incident_date = excluded.incident_date,
                       case_stage = excluded.case_stage, source_file_id = excluded.source_file_id,
                       source_sheet = excluded.source_sheet, source_row = excluded.source_row, updated_at = now()
                 where (tppo_case.report_date, tppo_case.incident_date, tppo_case.case_stage)
                       is distinct from (excluded.report_date, excluded.incident_date, excluded.case_stage)
                """).param(officeCode).update();
    }

    private void keepHistory() {
        jdbc.sql("""
                insert into warehouse.victim_history (victim_id, version, case_row, original, source_file_id, source_sheet,
                                                      source_row, source_correction_id, replaced_by_file_id,
                                                      replaced_by_correction_id)
                select v.id, v.version, warehouse.victim_case_row(v), warehouse.victim_original(v), v.source_file_id, v.source_sheet, v.source_row,
                       v.source_correction_id, case when p.correction_id is null then p.file_id end, p.correction_id
                  from warehouse.victim v
                  join publish_plan p on p.victim_id = v.id
                 where p.changed and p.victim_id is not null
                """).update();
    }

    /**
     * Inserts or updates the victim records of the plan's new and changed rows (each keeping of its
     * normalised row only what no typed column holds, its code lists among them, see
     * {@code warehouse.victim_case_row}), and keeps their ids in the temporary table {@code published_victim}
     * (victim id, identity key), which the row hash and flag statements join by hash instead of looking each
     * record up again.
     */
    private void upsertVictims(OfficeIdentityIndex identities) {
        jdbc.sql("drop table if exists published_victim").update();
        jdbc.sql("create temporary table published_victim (victim_id bigint not null, identity_key text not null,"
                + " inserted boolean not null) on commit drop").update();
        jdbc.sql("""
                with upserted as (
                insert into warehouse.victim (%s, source_correction_id)
                select %s, p.correction_id
                  from publish_plan p
                  join warehouse.tppo_case c on c.office_code = ? and c.case_number = p.case_number
                 where p.changed
                on conflict %s do update
                   set case_id = excluded.case_id, person_key = excluded.person_key,
                       victim_name = excluded.victim_name, nik = excluded.nik, sex = excluded.sex,
                       birth_place = excluded.birth_place, birth_date = excluded.birth_date, age = excluded.age,
                       origin_regency = excluded.origin_regency, origin_regency_code = excluded.origin_regency_code,
                       origin_district = excluded.origin_district, origin_district_code = excluded.origin_district_code,
                       origin_village = excluded.origin_village, origin_village_code = excluded.origin_village_code,
                       address = excluded.address, original = excluded.original,
                       original_headers = excluded.original_headers, original_values = excluded.original_values,
                       original_cells = excluded.original_cells,
                       source_correction_id = excluded.source_correction_id,
                       citizenship = excluded.citizenship, citizenship_country = excluded.citizenship_country,
                       education = excluded.education, destination_country = excluded.destination_country,
                       destination_area = excluded.destination_area, notes = excluded.notes,
                       case_row = excluded.case_row, case_fields = excluded.case_fields,
                       content_hash = excluded.content_hash,
                       source_file_id = excluded.source_file_id, source_sheet = excluded.source_sheet,
                       source_row = excluded.source_row, version = victim.version + 1, updated_at = now()
                returning id, identity_key, xmax = 0)
                insert into published_victim select * from upserted
                """.formatted(VictimColumns.NAMES, VictimColumns.FROM_PLAN, identities.conflictTarget()))
                .param(identities.officeCode()).update();
        // The new records are pending for persons: noted here, from the ids just kept, not by a trigger on
        // the insert, whose transition table held every new record whole (110 MB of temporary file for a
        // first load of 100,000, about a quarter of the insert, issue 13). Updated records are noted by the
        // update trigger of persons, as before (V090).
        jdbc.sql("insert into persons.pending_victim (victim_id, victim_version)"
                + " select victim_id, 1 from published_victim where inserted").update();
        jdbc.sql("analyze published_victim (victim_id, identity_key)").update();
    }

    /** A row hash's first 8 bytes as a signed number, as {@code warehouse.victim_row_hash} keeps it. */
    private static String prefix(String rowHash) {
        return "('x' || encode(substring(" + rowHash + " from 1 for 8), 'hex'))::bit(64)::bigint";
    }

    /**
     * The row hashes of the records just written ({@code warehouse.victim_row_hash}): a record
     * judged without a finding from a delivery keeps its row's hash and the day received, any other
     * (a row with warnings, a correction) none, so its next delivery is judged in full.
     */
    private void writeRowHashes(String officeCode, LocalDate receivedOn, boolean replaces) {
        if (replaces) {
            jdbc.sql("delete from warehouse.victim_row_hash h where h.office_code = ? and h.victim_id = "
                    + WRITTEN_RECORDS).param(officeCode).update();
        }
        if (receivedOn == null) {
            return;
        }
        // The records written are new ones or had their hash deleted just above: nothing to conflict
        // with. Their hashes are taken from the narrow winners' table (a corrected row has none), not
        // from the plan's wide rows. The office's first hashes make its partition (V112).
        new OfficeRowHashes(officeCode).ensure(jdbc);
        jdbc.sql("insert into warehouse.victim_row_hash (office_code, victim_id, prefix, row_hash, received_on)"
                + " select ?, pv.victim_id, " + prefix("w.clean_row_hash") + ", w.clean_row_hash, ?"
                + " from published_victim pv join plan_winner w on w.identity_key = pv.identity_key"
                + " where w.clean_row_hash is not null")
                .params(officeCode, receivedOn).update();
    }

    /**
     * Unchanged records judged again in full (a file older than row hashes, or one whose row changed
     * only in columns Gugus does not read) keep the hash of this delivery's row, so the next delivery
     * need not judge them.
     */
    private void keepRowHashes(String officeCode, LocalDate receivedOn) {
        new OfficeRowHashes(officeCode).ensure(jdbc);
        jdbc.sql("insert into warehouse.victim_row_hash (office_code, victim_id, prefix, row_hash, received_on)"
                + " select ?, p.victim_id, " + prefix("p.row_hash") + ", p.row_hash, ?"
                + " from publish_plan p"
                + " where p.old_hash = p.content_hash and p.known_victim_id is null"
                + " and p.findings = '[]'::jsonb and p.row_hash is not null"
                + " on conflict (office_code, victim_id) do update"
                + " set prefix = excluded.prefix, row_hash = excluded.row_hash, received_on = excluded.received_on"
                + " where victim_row_hash.row_hash is distinct from excluded.row_hash")
                .params(officeCode, receivedOn).update();
    }

    /**
     * The normalised values of a plan row ({@link StagedCase#COLUMNS}), read from the staged row's columns
     * (a corrected row's come as parameters, {@link CorrectionPublisher}).
     */
    static final String PLAN_VALUES = "s." + StagedCase.COLUMNS.replace(", ", ", s.");

    /**
     * The records just written, as an array the deletes below probe their tables' indexes with: joined to
     * {@code published_victim}, each delete read its whole table by hash (100,000-200,000 rows) for the
     * thousand records of a 1 %-changed re-delivery (issue 13).
     */
    private static final String WRITTEN_RECORDS = "any(array(select victim_id from published_victim))";

    /** The flags of the records that changed, before their new ones go in. */
    private void deleteReplacedFlags() {
        jdbc.sql("delete from warehouse.victim_flag f where f.victim_id = " + WRITTEN_RECORDS).update();
    }

    private void insertFlags() {
        jdbc.sql("""
                insert into warehouse.victim_flag (victim_id, code, field, column_header, value, message_id, message_en,
                                                   source_file_id, source_correction_id)
                select pv.victim_id, f ->> 'code', f ->> 'field', f ->> 'column', f ->> 'value', f ->> 'message_id',
                       f ->> 'message_en', p.file_id, p.correction_id
                  from publish_plan p
                  join published_victim pv on pv.identity_key = p.identity_key
                 cross join lateral jsonb_array_elements(p.findings) f
                 where p.findings <> '[]'::jsonb
                """).update();
    }

    private void keepRejections(long fileId, String officeCode) {
        jdbc.sql("""
                insert into warehouse.rejected_row (file_id, office_code, sheet, row_number, original, findings)
                select s.file_id, ?, s.sheet, s.row_number, coalesce(s.original,
                       jsonb_object(h.headers, warehouse.row_cells(s.original_values, s.original_cells))), s.findings
                  from warehouse.staged_row s
                  left join warehouse.row_header h on h.key = s.original_headers
                 where s.file_id = ? and s.rejected
                on conflict (file_id, sheet, row_number) do nothing
                """).params(officeCode, fileId).update();
    }

    /** Rows of the file with this outcome per code: a row with two findings of one code counts once. */
    private Map<String, Long> codeCounts(long fileId, String status, String codePattern) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select f ->> 'code' as code, count(distinct o.ordinal) as rows from warehouse.row_outcome o"
                        + " cross join lateral jsonb_array_elements(o.findings) f"
                        + " where o.file_id = ? and o.status = ? and f ->> 'code' like ? group by 1 order by 1")
                .params(fileId, status, codePattern)
                .query(rs -> {
                    counts.put(rs.getString("code"), rs.getLong("rows"));
                });
        return counts;
    }
}
