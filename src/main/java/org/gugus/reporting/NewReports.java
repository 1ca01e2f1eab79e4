package org.gugus.reporting;

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
     * Replaces their rows that differ from their copy in {@code pg_temp.reporting_fresh}: deletes them
     * ({@code deleteChanged}, of the persons {@code :ids} and records {@code :victims}, aliased {@code r})
     * with their facts, inserts the fresh rows not in {@code reporting.report} then with theirs, and
     * writes the per-person and per-case facts of the persons and cases of both once; the triggers
     * would write them twice (after the delete, then after the insert).
     */
    static void replace(JdbcClient jdbc, String deleteChanged, Long[] ids, Long[] victims, Long[] persons, Long[] cases) {
        withoutFactTriggers(jdbc, () -> {
            jdbc.sql("with gone as (" + deleteChanged + " returning r.victim_id)"
                    + " delete from reporting.report_fact f using gone where f.victim_id = gone.victim_id")
                    .param("ids", ids).param("victims", victims).update();
            jdbc.sql("create temp table if not exists reporting_new (like reporting.report) on commit delete rows").update();
            jdbc.sql("truncate " + NEW).update();
            jdbc.sql("insert into " + NEW + " select f.* from " + FRESH + " f"
                    + " where not exists (select 1 from reporting.report r where r.victim_id = f.victim_id)").update();
            jdbc.sql("insert into reporting.report select * from " + NEW).update();
            jdbc.sql("select reporting.add_report_facts('" + NEW + "')").query().singleRow();
            jdbc.sql("select reporting.write_person_facts(:persons)").param("persons", persons).query().singleRow();
            jdbc.sql("select reporting.write_case_facts(:cases)").param("cases", cases).query().singleRow();
        });
    }

    /** Copies every linked victim record into the emptied reporting tables, with all their facts. */
    static void copyAll(JdbcClient jdbc, WarehouseSource warehouse, PartTimes times) {
        withoutFactTriggers(jdbc, () -> {
            times.run("reports", warehouse::copyAllReports);
            times.run("report facts", () -> jdbc.sql("select reporting.add_report_facts('reporting.report')").query()
                    .singleRow());
            times.run("person and case facts", () -> jdbc.sql("select reporting.write_all_person_and_case_facts()")
                    .query().singleRow());
        });
    }

    /** The temporary table a refresh copies rows into, emptied (its rows go at commit too). */
    static void fresh(JdbcClient jdbc) {
        jdbc.sql("create temp table if not exists reporting_fresh (like reporting.report) on commit delete rows").update();
        jdbc.sql("truncate " + FRESH).update();
    }

    private static void withoutFactTriggers(JdbcClient jdbc, Runnable writes) {
        jdbc.sql("alter table reporting.report disable trigger user").update();
        jdbc.sql("alter table reporting.report_fact disable trigger user").update();
        writes.run();
        jdbc.sql("alter table reporting.report enable trigger user").update();
        jdbc.sql("alter table reporting.report_fact enable trigger user").update();
    }
}
