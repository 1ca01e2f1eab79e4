package org.gugus.reporting;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The indicators over all reports, kept in {@code reporting.all_time_count} by every refresh of the
 * reporting schema: before persons' rows are rewritten their cells are taken away, afterwards their
 * new cells are added (reports and cases likewise). Counting 800,000 persons for every report would
 * take seconds; reading the kept cells takes a millisecond.
 */
final class AllTimeCounts {

    private AllTimeCounts() {
    }

    /**
     * Adds ({@code sign} 1) or takes away (-1) the cells of these persons, reports and cases; the
     * persons' cells as their per-person facts hold them (the caller takes them away before their
     * reports are rewritten, and adds them after).
     */
    static void add(JdbcClient jdbc, int sign, Long[] persons, Long[] cases) {
        jdbc.sql("""
                insert into reporting.all_time_count (indicator, code, n)
                select indicator, code, :sign * n from (
                    select * from (%s) p
                    union all
                    select 'reports', '', count(*) from reporting.report where person_id = any(:persons)
                    union all
                    select 'cases', '', count(*) from reporting.tppo_case where case_id = any(:cases)) c
                on conflict (indicator, code) do update set n = reporting.all_time_count.n + excluded.n
                """.formatted(FactCounts.personCells("person_id = any(:persons)", IndicatorQueries.maskIds(jdbc))))
                .param("sign", sign).param("persons", persons).param("cases", cases).update();
    }

    /** Adds ({@code sign} 1) or takes away (-1) these cases from the count of cases: no person's cell changes. */
    static void addCases(JdbcClient jdbc, int sign, Long[] cases) {
        jdbc.sql("""
                insert into reporting.all_time_count (indicator, code, n)
                select 'cases', '', :sign * count(*) from reporting.tppo_case where case_id = any(:cases)
                on conflict (indicator, code) do update set n = reporting.all_time_count.n + excluded.n
                """).param("sign", sign).param("cases", cases).update();
    }

    /**
     * Counts every cell afresh, after a rebuild: the persons' cells from their per-person facts in one
     * pass (about a third of the server CPU of an aggregate of {@code reporting.person} per indicator,
     * 0.16-0.23 against 0.44-0.54 s at 100,000 persons).
     */
    static void recount(JdbcClient jdbc) {
        recountWith(jdbc, FactCounts.personCells("true", IndicatorQueries.maskIds(jdbc)));
    }

    /**
     * {@link #recount(JdbcClient)} after a rebuild made the month cells of {@code generation} with its persons': the
     * persons' cells summed from the province's month cells, a few hundred rows, rather than counted from every
     * person's facts again (at a million persons 0.86-0.95 s on the connection writing them beside the rebuild, the
     * last of its connections to end); counted from the facts when the month cells leave some out.
     */
    static void recountFromMonthCells(JdbcClient jdbc, long generation) {
        recountWith(jdbc, FactCounts.personCellsFromMonthCells(generation, IndicatorQueries.maskIds(jdbc))
                .orElseGet(() -> FactCounts.personCells("true", IndicatorQueries.maskIds(jdbc))));
    }

    /** Every cell afresh, the persons' as {@code personCells} (a query of indicator, code, n) gives them. */
    private static void recountWith(JdbcClient jdbc, String personCells) {
        jdbc.sql("truncate reporting.all_time_count").update();
        jdbc.sql("""
                insert into reporting.all_time_count (indicator, code, n)
                select indicator, code, n from (
                    %s) c
                union all
                select 'reports', '', count(*) from reporting.report
                union all
                select 'cases', '', count(*) from reporting.tppo_case
                """.formatted(personCells)).update();
    }

    /** One cell of the all-time indicators. */
    record Cell(String indicator, String code, long n) {
    }

    /**
     * The persons' cells as their per-person facts in {@code personFacts} (a table of the columns of
     * {@code reporting.person_fact}) hold them, their facts beyond the masks' bits in {@code facts} (a query
     * of the columns of {@code reporting.report_fact}): what {@link #recount} counts, for the per-person facts
     * written beside a rebuild before they are put in its place ({@link PersonRowsAside}).
     */
    static List<Cell> personCells(JdbcClient jdbc, String personFacts, String facts) {
        String cells = FactCounts.personCells("(" + facts + ") f", personFacts, "true", IndicatorQueries.maskIds(jdbc));
        return jdbc.sql(cells).query((rs, n) -> new Cell(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    /**
     * Counts every cell afresh, after a rebuild, the persons' cells as counted already from the per-person facts
     * the rebuild put in place ({@link #personCells}), the reports and cases from their tables.
     */
    static void recount(JdbcClient jdbc, List<Cell> personCells) {
        jdbc.sql("truncate reporting.all_time_count").update();
        jdbc.sql("""
                insert into reporting.all_time_count (indicator, code, n)
                select * from unnest(:indicators::text[], :codes::text[], :counts::bigint[])
                union all
                select 'reports', '', count(*) from reporting.report
                union all
                select 'cases', '', count(*) from reporting.tppo_case
                """).param("indicators", personCells.stream().map(Cell::indicator).toArray(String[]::new))
                .param("codes", personCells.stream().map(Cell::code).toArray(String[]::new))
                .param("counts", personCells.stream().map(Cell::n).toArray(Long[]::new)).update();
    }

    static Map<Indicator, Map<String, Long>> read(JdbcClient jdbc, Collection<Indicator> indicators) {
        Map<Indicator, Map<String, Long>> cells = new EnumMap<>(Indicator.class);
        indicators.forEach(indicator -> cells.put(indicator, new LinkedHashMap<>()));
        jdbc.sql("select indicator, code, n from reporting.all_time_count where n <> 0 order by indicator, code")
                .query(rs -> {
                    Indicator indicator = Indicator.of(rs.getString(1)).orElseThrow();
                    if (cells.containsKey(indicator)) {
                        cells.get(indicator).put(rs.getString(2), rs.getLong(3));
                    }
                });
        return cells;
    }
}
