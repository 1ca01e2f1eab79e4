package org.gugus.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the indicators from the reporting schema, per query: the reports of the period and office
 * ({@code r}), one row per person from them ({@code p}, {@link PersonRules}), and each indicator's
 * (person, code, unit) pairs ({@link Indicator}). Asked for every report (no period, no office),
 * the per-person table kept by {@link ReportingRefresh} answers, by the same rules.
 */
@Repository
class IndicatorQueries {

    private static final String ALL_TIME_PERSONS = """
            select person_id, sex, age_at_first_report as age, origin_regency_code, first_report_date, case_stage,
                   cardinality(offices) as office_count, cases
              from reporting.person
            """;

    /** The dictionary id of the office asked for. */
    private static final String OFFICE_ID = "(select id from reporting.code_id where vocabulary = 'office' and code = :office)";

    /**
     * Periods shorter than this many days find their straddling persons from their reports; longer
     * ones by the ranges of days holding their edges (few persons in a long period straddle it).
     * Measured at 200,000 records: a year and half a year are faster by the ranges, four months a
     * little faster by the reports.
     */
    private static final long SHORT_PERIOD_DAYS = 150;

    /** Periods shorter than this many days aggregate every person from their report facts. */
    private static final long DIRECT_PERIOD_DAYS = 120;

    private final JdbcClient jdbc;
    private final KeptPeriodCounts kept;
    private final MonthCells monthCells;
    private final ApplicationEventPublisher events;

    IndicatorQueries(JdbcClient jdbc, KeptPeriodCounts kept, MonthCells monthCells, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.kept = kept;
        this.monthCells = monthCells;
        this.events = events;
    }

    /** Every indicator's cells (code to count), codes in the order of the query (by code). */
    @Transactional(readOnly = true)
    Map<Indicator, Map<String, Long>> count(ReportQuery query) {
        return count(query, List.of(Indicator.values()));
    }

    /** These indicators' cells. */
    @Transactional(readOnly = true)
    Map<Indicator, Map<String, Long>> count(ReportQuery query, Collection<Indicator> indicators) {
        if (query.allTime() || coversEveryReport(query)) {
            return AllTimeCounts.read(jdbc, indicators);
        }
        long generation = kept.generation();
        Optional<Map<Indicator, Map<String, Long>>> known = kept.read(query, generation, indicators);
        if (known.isPresent()) {
            return known.get();
        }
        // a period's persons are grouped in memory rather than in files on disk
        jdbc.sql("set local work_mem = '64MB'").update();
        // one backend does it faster than with parallel workers on the few cores of a provincial server
        // (a year at 1,000,000 records: 0.42 s alone, 0.62-0.69 s with one worker, on 2 cores)
        jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
        // what is asked for only: one indicator makes one or two per-person aggregates (FactCounts)
        Map<Indicator, Map<String, Long>> cells = new EnumMap<>(Indicator.class);
        indicators.forEach(indicator -> cells.put(indicator, new LinkedHashMap<>()));
        FactCounts.PersonFacts facts = personFacts(query);
        if (facts != null && monthCellsMade(generation)) {
            facts = facts.withMonthCells();
        }
        MonthCells.WholeMonths wholeMonths = MonthCells.WholeMonths.of(query);
        bind(jdbc.sql(FactCounts.sql(factWhere(query), indicators, maskIds(jdbc), facts)), query)
                .param("from_key", query.from() == null ? 0 : dayKey(query.from()))
                .param("to_key", query.to() == null ? Integer.MAX_VALUE : dayKey(query.to()))
                .param("generation", generation)
                .param("first_month", MonthCells.firstMonth(query.from())).param("last_month", MonthCells.lastMonth(query.to()))
                .param("from_date", wholeMonths.from()).param("to_date", wholeMonths.to())
                .param("whole_from", wholeMonths.wholeFrom()).param("whole_to", wholeMonths.wholeTo())
                // provinces are summed from the regencies' cells
                .param("cell_indicators", indicators.stream().map(indicator -> indicator == Indicator.BY_ORIGIN_PROVINCE
                        ? Indicator.BY_ORIGIN_REGENCY : indicator).map(Indicator::key).toArray(String[]::new)).query(rs -> {
            cells.get(Indicator.of(rs.getString(1)).orElseThrow()).put(rs.getString(2), rs.getLong(3));
        });
        kept.keep(query, generation, cells);
        return cells;
    }

    /**
     * Where the persons of a period come from: most persons have all their reports (of the office)
     * inside a period or all outside, and those inside are read as they are from the per-person facts
     * of every office or of the office asked for.
     */
    private static FactCounts.PersonFacts personFacts(ReportQuery query) {
        if (query.from() != null && query.to() != null
                && query.to().toEpochDay() - query.from().toEpochDay() < DIRECT_PERIOD_DAYS) {
            // a few months' reports are aggregated per person faster than split (measured at 1,000,000 records)
            return null;
        }
        FactCounts.PersonFacts facts = query.office() == null ? FactCounts.PersonFacts.EVERY_OFFICE
                : FactCounts.PersonFacts.office(OFFICE_ID);
        boolean shortPeriod = query.from() != null && query.to() != null
                && query.to().toEpochDay() - query.from().toEpochDay() < SHORT_PERIOD_DAYS;
        return shortPeriod ? facts.forShortPeriod() : facts;
    }

    /** A date as the day key of {@code reporting.report_fact}: (year - 1900) << 9 | month << 5 | day. */
    static int dayKey(LocalDate date) {
        return (date.getYear() - 1900) << 9 | date.getMonthValue() << 5 | date.getDayOfMonth();
    }

    /** Whether a period of every office holds every report: its counts are the all-time counts. */
    private boolean coversEveryReport(ReportQuery query) {
        if (query.office() != null) {
            return false;
        }
        return jdbc.sql("""
                select coalesce(:from <= min(report_date) and :to >= max(report_date), true) from reporting.report_fact
                """).param("from", query.from() == null ? LocalDate.of(1, 1, 1) : query.from())
                .param("to", query.to() == null ? LocalDate.of(9999, 12, 31) : query.to()).query(Boolean.class).single();
    }

    /** The ids in use of each vocabulary held as bitmasks in {@code reporting.report_fact} ({@link FactCounts}). */
    static Map<String, List<Integer>> maskIds(JdbcClient jdbc) {
        Map<String, List<Integer>> ids = new HashMap<>();
        jdbc.sql("select vocabulary, id from reporting.code_id"
                + " where vocabulary in ('exploitation', 'recruitment', 'services', 'office', 'country') order by vocabulary, id").query(rs -> {
                    ids.computeIfAbsent(rs.getString(1), vocabulary -> new ArrayList<>()).add(rs.getInt(2));
                });
        return ids;
    }

    /** The persons behind one cell, by id. */
    @Transactional(readOnly = true)
    List<Long> persons(ReportQuery query, Indicator indicator, String code) {
        String sql = with(query, List.of(indicator)) + "select distinct person_id from (" + pairs(indicator, query)
                + ") x where code = :code order by person_id";
        return bind(jdbc.sql(sql), query).param("code", indicator.shape() == Indicator.Shape.TOTAL ? "" : code)
                .query(Long.class).list();
    }

    /** The files whose records are counted, by id. */
    @Transactional(readOnly = true)
    List<Long> sourceFiles(ReportQuery query) {
        if (query.allTime() || coversEveryReport(query)) {
            // a skip scan of the index: one probe per file instead of reading every report
            return jdbc.sql("""
                    with recursive f as (
                        select min(source_file_id) as id from reporting.report
                        union all
                        select (select min(source_file_id) from reporting.report where source_file_id > f.id) from f
                         where f.id is not null)
                    select id from f where id is not null
                    """).query(Long.class).list();
        }
        long generation = kept.generation();
        Optional<List<Long>> known = kept.files(query, generation);
        if (known.isPresent()) {
            return known.get();
        }
        List<Long> files = monthCellsMade(generation)
                ? monthCells.files(generation, query, query.office() == null ? "0" : OFFICE_ID,
                        query.office() == null ? "" : "office = " + OFFICE_ID + " and ",
                        query.office() == null ? Map.of() : Map.of("office", query.office()))
                : bind(jdbc.sql("select distinct source_file_id from reporting.report_fact where " + factWhere(query)
                        + " order by 1"), query).query(Long.class).list();
        kept.keepFiles(query, generation, files);
        return files;
    }

    private static boolean distinctUnits(Indicator indicator, ReportQuery query) {
        if (indicator.perPerson()) {
            return false;
        }
        // the per-person table's code arrays hold each code once
        return !query.allTime() || indicator == Indicator.REPORTS;
    }

    private static String pairs(Indicator indicator, ReportQuery query) {
        if (!query.allTime()) {
            return indicator.pairs();
        }
        return switch (indicator) {
            case REPORTS -> "select person_id, '' as code, victim_id as unit from reporting.report";
            case CASES -> "select 0 as person_id, '' as code, case_id as unit from reporting.tppo_case";
            case UNIQUE_VICTIMS, CHILDREN, MULTI_OFFICE_VICTIMS, RE_TRAFFICKED_VICTIMS, BY_SEX, BY_AGE_GROUP,
                    BY_ORIGIN_REGENCY, BY_ORIGIN_PROVINCE, BY_CASE_STAGE, BY_MONTH -> indicator.pairs();
            case BY_EXPLOITATION -> unnested("exploitation");
            case BY_RECRUITMENT -> unnested("recruitment");
            case BY_DESTINATION_COUNTRY -> unnested("destination_countries");
            case BY_OFFICE -> unnested("offices");
            case BY_SERVICE -> unnested("services");
            default -> indicator.pairs();
        };
    }

    private static String unnested(String column) {
        return "select person_id, code, person_id as unit from ap, unnest(ap." + column + ") code";
    }

    private static String with(ReportQuery query, Collection<Indicator> indicators) {
        boolean persons = indicators.stream().anyMatch(Indicator::perPerson);
        List<String> ctes = new ArrayList<>();
        if (query.allTime()) {
            ctes.add("ap as (select * from reporting.person)");
            if (persons) {
                ctes.add("p as (" + ALL_TIME_PERSONS.replace("from reporting.person", "from ap") + ")");
            }
            ctes.add("r as (select * from reporting.report)");
        } else {
            // the period's reports found by the facts' date and office indexes (the reports have none), then by key
            ctes.add("r as (select *, " + PersonRules.ORDER_KEY + " as k from reporting.report where victim_id in"
                    + " (select victim_id from reporting.report_fact where " + factWhere(query) + "))");
            if (persons) {
                ctes.add("p as (" + PersonRules.PERIOD + ")");
            }
        }
        return "with " + String.join(",\n", ctes) + "\n";
    }

    /** The condition on {@code reporting.report} of a period and office, with named parameters. */
    private static String where(ReportQuery query) {
        List<String> where = new ArrayList<>();
        where.add("true");
        if (query.from() != null) {
            where.add("report_date >= :from");
        }
        if (query.to() != null) {
            where.add("report_date <= :to");
        }
        if (query.office() != null) {
            where.add("office_code = :office");
        }
        return String.join(" and ", where);
    }

    /** The same condition on {@code reporting.report_fact} (offices by their dictionary id). */
    private static String factWhere(ReportQuery query) {
        return where(query).replace("office_code = :office", "office = " + OFFICE_ID);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, ReportQuery query) {
        if (query.from() != null) {
            statement = statement.param("from", query.from());
        }
        if (query.to() != null) {
            statement = statement.param("to", query.to());
        }
        if (query.office() != null) {
            statement = statement.param("office", query.office());
        }
        return statement;
    }

    /**
     * Whether the month cells of this generation are made; when not, asks for them in the background
     * ({@link MonthCellsMissing}): a command leaves them to the server, whose first count after the
     * command's load makes them.
     */
    private boolean monthCellsMade(long generation) {
        boolean made = monthCells.made(generation);
        if (!made) {
            events.publishEvent(new MonthCellsMissing(generation));
        }
        return made;
    }
}
