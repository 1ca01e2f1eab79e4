package org.gugus.reporting;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every row a refresh writes, as text: the reports with their facts, the persons (without the time
 * they were written) with theirs, the cases with theirs, and the all-time counts. Two ways of
 * writing the reporting schema that give the same rows give the same answers to every query.
 */
final class ReportingTables {

    private static final List<String> TABLES = List.of("report", "report_fact", "person", "person_fact",
            "office_person_fact", "tppo_case", "case_fact", "office_case_fact");

    private ReportingTables() {
    }

    static List<String> rows(JdbcClient jdbc) {
        List<String> rows = new ArrayList<>();
        for (String table : TABLES) {
            rows.addAll(jdbc.sql("select '" + table + " ' || (to_jsonb(t) - 'refreshed_at')::text from reporting." + table
                    + " t order by 1").query(String.class).list());
        }
        rows.addAll(jdbc.sql("select 'all_time_count ' || indicator || ' ' || code || ' ' || n from reporting.all_time_count"
                + " where n <> 0 order by 1").query(String.class).list());
        return rows;
    }

    /**
     * The month cells and month files of the schema's generation, without it, as text; none when they are not made
     * for it.
     */
    static List<String> monthCells(JdbcClient jdbc) {
        List<String> rows = new ArrayList<>(jdbc.sql("""
                select 'month_cell ' || office || ' ' || first_month || ' ' || last_month || ' ' || indicator || ' ' || id
                       || ' ' || n
                  from reporting.month_cell where generation = (select generation from reporting.generation) order by 1
                """).query(String.class).list());
        rows.addAll(jdbc.sql("""
                select 'month_file ' || office || ' ' || month || ' ' || source_file_id
                  from reporting.month_file where generation = (select generation from reporting.generation) order by 1
                """).query(String.class).list());
        return rows;
    }

    /** When each person row was written, by person. */
    static List<String> written(JdbcClient jdbc) {
        return jdbc.sql("select person_id || ' ' || refreshed_at from reporting.person order by person_id")
                .query(String.class).list();
    }
}
