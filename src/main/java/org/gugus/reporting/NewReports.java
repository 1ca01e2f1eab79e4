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

    /** Copies every linked victim record into the emptied reporting tables, with all their facts. */
    static void copyAll(JdbcClient jdbc, WarehouseSource warehouse, PartTimes times) {
        withoutFactTriggers(jdbc, () -> {
            times.run("reports", warehouse::copyAllReports);
            times.run("report facts", () -> jdbc.sql("select reporting.add_report_facts('reporting.report')").query()
                    .singleRow());
            times.run("person facts", () -> jdbc.sql(
                    "select reporting.write_person_facts(array(select distinct person_id from reporting.report_fact))")
                    .query().singleRow());
            times.run("case facts", () -> jdbc.sql(
                    "select reporting.write_case_facts(array(select distinct case_id from reporting.report_fact))")
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
