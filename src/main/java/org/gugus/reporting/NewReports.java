package org.gugus.reporting;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gugus.system.PartTimes;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many new report rows written in one pass each (V059): the rows of a first or large load, none of
 * whose persons' rows were copied before, and the rows of a rebuild. The fact triggers on
 * {@code reporting.report} and {@code reporting.report_fact} are disabled for the caller's
 * transaction (a failed refresh rolls that back with everything else); the report facts are written
 * from the same rows by one statement, then the per-person and per-case facts once from them. With
 * the triggers, 100,000 rows were kept twice in transition tables and their persons' facts written
 * through arrays of every person. Readers of these tables wait for the refresh to commit, as they do
 * while its indexes are set aside ({@link DeferredIndexes}).
 */
final class NewReports {

    private static final String FRESH = "pg_temp.reporting_fresh";

    /** The fresh rows that replace rows of {@code reporting.report}. */
    private static final String NEW = "pg_temp.reporting_new";

    /** Their facts. */
    private static final String NEW_FACTS = "pg_temp.reporting_new_fact";

    /** The columns of {@code reporting.report} but its key. */
    private static final List<String> REPORT_COLUMNS = List.of("person_id", "office_code", "case_id", "case_number",
            "report_date", "sex", "birth_date", "birth_year", "age", "age_at_report", "origin_regency_code",
            "origin_province_code", "citizenship", "citizenship_country", "destination_country", "case_stage",
            "exploitation", "recruitment", "services", "source_file_id");

    /** The columns of {@code reporting.report_fact} but its key. */
    private static final List<String> FACT_COLUMNS = List.of("person_id", "case_id", "source_file_id", "k",
            "exploitation", "recruitment", "services", "office_mask", "destination_mask", "report_date", "day_key",
            "origin", "birth", "age_key", "office", "sex", "stage", "destination");

    private NewReports() {
    }

    /**
     * Copies the reports of these persons (with the persons merged into them), none of which are in
     * {@code reporting.report} yet, with their report, person and case facts.
     */
    static void copy(JdbcClient jdbc, WarehouseSource warehouse, Long[] personsWithMerged) {
        fresh(jdbc);
        warehouse.copyReportsOf(personsWithMerged, FRESH);
        withoutFactTriggers(jdbc, () -> {
            jdbc.sql("insert into reporting.report select * from " + FRESH).update();
            jdbc.sql("select reporting.add_report_facts('" + FRESH + "')").query().singleRow();
            jdbc.sql("select reporting.write_person_facts(array(select distinct person_id from " + FRESH + "))")
                    .query().singleRow();
            jdbc.sql("select reporting.write_case_facts(array(select distinct case_id from " + FRESH + "))")
                    .query().singleRow();
        });
    }

    /**
     * Rewrites the rows of {@code reporting.report} that differ from their copy in
     * {@code pg_temp.reporting_fresh}, in place (V070), as found by the caller's one comparison: the rows
     * of the records {@code gone} that have no fresh copy are deleted with their facts; the fresh rows of
     * the records {@code changed} are inserted or update theirs, and their facts likewise where they
     * differ; then the per-person facts of the persons of both are written once, and the per-case facts of the
     * cases a row came into, left or changed its office or day in.
     * An update that changes no indexed column stays on its page (the tables keep room for it) and adds
     * no index entry, where a delete and an insert added one to every index. Facts left without a report
     * are looked for (V071) only among the persons and cases of the rows deleted or moved to another
     * person, case or office: a re-delivery that changed a case's stage leaves none. Returns those
     * persons: the only ones whose person row may be left without a report.
     */
    static Long[] replace(JdbcClient jdbc, Long[] gone, Long[] changed, Long[] persons) {
        Set<Long> vacatedPersons = new TreeSet<>();
        Set<Long> vacatedCases = new TreeSet<>();
        jdbc.sql("""
                select r.person_id, r.case_id from reporting.report r
                 where r.victim_id = any(:gone)
                   and not exists (select 1 from %s f where f.victim_id = r.victim_id
                                      and (f.person_id, f.case_id, f.office_code) = (r.person_id, r.case_id, r.office_code))
                """.formatted(FRESH)).param("gone", gone).query(rs -> {
                    vacatedPersons.add(rs.getLong(1));
                    vacatedCases.add(rs.getLong(2));
                });
        // a case's facts are its rows' days, by office: only a row that came, went or moved to another case, office
        // or day changes them (a re-delivery that changed cases' stages rewrote 1,000 cases' facts to the same values).
        // The reports looked up by the changed ids: without them, the planner read every report's key for the anti-join
        Long[] dated = jdbc.sql("""
                select r.case_id from reporting.report r
                 where r.victim_id = any(:gone)
                   and not exists (select 1 from %1$s f where f.victim_id = r.victim_id
                                      and (f.case_id, f.office_code, f.report_date) = (r.case_id, r.office_code, r.report_date))
                union
                select f.case_id from %1$s f
                 where f.victim_id = any(:changed)
                   and not exists (select 1 from reporting.report r where r.victim_id = f.victim_id and r.victim_id = any(:changed)
                                      and (r.case_id, r.office_code, r.report_date) = (f.case_id, f.office_code, f.report_date))
                """.formatted(FRESH)).param("gone", gone).param("changed", changed).query(Long.class).list()
                .toArray(Long[]::new);
        withoutFactTriggers(jdbc, () -> {
            jdbc.sql("""
                    with deleted as (
                        delete from reporting.report r
                         where r.victim_id = any(:gone) and not exists (select 1 from %s f where f.victim_id = r.victim_id)
                        returning r.victim_id)
                    delete from reporting.report_fact x using deleted where x.victim_id = deleted.victim_id
                    """.formatted(FRESH)).param("gone", gone).update();
            jdbc.sql("create temp table if not exists reporting_new (like reporting.report) on commit delete rows").update();
            jdbc.sql("truncate " + NEW).update();
            jdbc.sql("insert into " + NEW + " select * from " + FRESH + " where victim_id = any(:changed)")
                    .param("changed", changed).update();
            jdbc.sql("insert into reporting.report select * from " + NEW + " on conflict (victim_id) do update set "
                    + assignments(REPORT_COLUMNS)).update();
            jdbc.sql("create temp table if not exists reporting_new_fact (like reporting.report_fact) on commit delete rows")
                    .update();
            jdbc.sql("truncate " + NEW_FACTS).update();
            jdbc.sql("select reporting.report_facts_into('" + NEW + "', '" + NEW_FACTS + "')").query().singleRow();
            jdbc.sql("insert into reporting.report_fact as t select * from " + NEW_FACTS
                    + " on conflict (victim_id) do update set " + assignments(FACT_COLUMNS)
                    + " where " + row("t", FACT_COLUMNS) + " is distinct from " + row("excluded", FACT_COLUMNS)).update();
            jdbc.sql("select reporting.write_person_facts(:persons, :vacated)").param("persons", persons)
                    .param("vacated", vacatedPersons.toArray(Long[]::new)).query().singleRow();
            if (dated.length > 0 || !vacatedCases.isEmpty()) {
                jdbc.sql("select reporting.write_case_facts(:cases, :vacated)").param("cases", dated)
                        .param("vacated", vacatedCases.toArray(Long[]::new)).query().singleRow();
            }
        });
        return vacatedPersons.toArray(Long[]::new);
    }

    /** {@code (a, b, …) = (excluded.a, excluded.b, …)}. */
    static String assignments(List<String> columns) {
        return "(" + String.join(", ", columns) + ") = " + row("excluded", columns);
    }

    /** {@code (alias.a, alias.b, …)}. */
    static String row(String alias, List<String> columns) {
        return columns.stream().map(column -> alias + "." + column).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * Updates the file of the rows whose values are as in their copy in {@code pg_temp.reporting_fresh}
     * ({@code sameValues}: rows {@code f} and {@code r} say the same but perhaps for their file) and
     * came in a later file, in the report and in its fact row; the per-person and per-case facts hold
     * no file. Returns how many rows were refiled.
     */
    static int refile(JdbcClient jdbc, String sameValues) {
        // most refreshes have none: then the tables are not locked to set their triggers aside. The report
        // rows are looked up by the fresh rows' ids: joined on the key alone, the planner merged the fresh rows
        // with a scan of every report's key (0.2-0.3 s each at 100,000 reports)
        if (!jdbc.sql("""
                select exists (select 1 from %1$s f join reporting.report r on r.victim_id = f.victim_id
                                where r.victim_id = any(array(select victim_id from %1$s))
                                  and r.source_file_id <> f.source_file_id and %2$s)
                """.formatted(FRESH, sameValues)).query(Boolean.class).single()) {
            return 0;
        }
        int[] refiled = {0};
        withoutFactTriggers(jdbc, () -> refiled[0] = jdbc.sql("""
                with refiled as (
                    update reporting.report r set source_file_id = f.source_file_id from %1$s f
                     where f.victim_id = r.victim_id and r.victim_id = any(array(select victim_id from %1$s))
                       and r.source_file_id <> f.source_file_id and %2$s
                    returning r.victim_id, r.source_file_id)
                update reporting.report_fact x set source_file_id = refiled.source_file_id from refiled
                 where x.victim_id = refiled.victim_id
                """.formatted(FRESH, sameValues)).update());
        return refiled[0];
    }

    /** Copies every linked victim record into the emptied reporting tables, with all their facts. */
    static void copyAll(JdbcClient jdbc, WarehouseSource warehouse, PartTimes times) {
        withoutFactTriggersKeepingRows(jdbc, () -> {
            times.run("reports", warehouse::copyAllReports);
            times.run("report facts", () -> jdbc.sql("select reporting.add_report_facts('reporting.report')").query()
                    .singleRow());
            times.run("person and case facts", () -> jdbc.sql("select reporting.write_all_person_and_case_facts()")
                    .query().singleRow());
        });
    }

    /** Writes the per-person facts of every report fact (into the emptied tables). */
    static void writeAllPersonFacts(JdbcClient jdbc, PartTimes times) {
        times.run("person facts", () -> jdbc.sql("select reporting.write_all_person_facts()").query().singleRow());
    }

    /** The temporary table a refresh copies rows into, emptied (its rows go at commit too). */
    static void fresh(JdbcClient jdbc) {
        jdbc.sql("create temp table if not exists reporting_fresh (like reporting.report) on commit delete rows").update();
        jdbc.sql("truncate " + FRESH).update();
    }

    /**
     * As {@link #withoutFactTriggers}, for a rebuild that emptied the tables in the caller's transaction (which holds
     * them exclusively since): the insert triggers that keep their inserted rows in a transition table are dropped
     * and created again afterwards, as the catalogue defines them, rather than only disabled. PostgreSQL fills the
     * transition table of every trigger that declares one, disabled or not: at a million reports the copies into
     * the two tables kept 250 MB and 118 MB of rows nobody read in temporary files of the writing server process.
     */
    private static void withoutFactTriggersKeepingRows(JdbcClient jdbc, Runnable writes) {
        List<String[]> triggers = jdbc.sql("""
                select format('drop trigger %I on %s', t.tgname, t.tgrelid::regclass), pg_get_triggerdef(t.oid)
                  from pg_trigger t
                 where t.tgrelid in ('reporting.report'::regclass, 'reporting.report_fact'::regclass)
                   and not t.tgisinternal and t.tgnewtable is not null and t.tgtype & 4 <> 0
                 order by t.tgrelid, t.tgname
                """).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        triggers.forEach(trigger -> jdbc.sql(trigger[0]).update());
        withoutFactTriggers(jdbc, writes);
        triggers.forEach(trigger -> jdbc.sql(trigger[1]).update());
    }

    static void withoutFactTriggers(JdbcClient jdbc, Runnable writes) {
        jdbc.sql("alter table reporting.report disable trigger user").update();
        jdbc.sql("alter table reporting.report_fact disable trigger user").update();
        writes.run();
        jdbc.sql("alter table reporting.report enable trigger user").update();
        jdbc.sql("alter table reporting.report_fact enable trigger user").update();
    }
}
