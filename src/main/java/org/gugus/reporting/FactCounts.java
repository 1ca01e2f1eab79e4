package org.gugus.reporting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The indicators of a period or office in one statement over {@code reporting.report_fact} (V053):
 * one small fixed-width row per report, codes as dictionary ids and the multi-valued vocabularies
 * as bitmasks. The period's facts are read once ({@code f}); one row per person is made from them
 * in one hash aggregate ({@code p}): her latest/earliest values as {@code max/min(k | value)} (the
 * ordering key {@code k} of "report date, record id" with the value in its 16 low bits), the unions
 * of her codes as {@code bit_or} of the masks, two or more offices or cases by min and max. Only
 * the persons straddling an edge of the period are aggregated so: those with every report (of the
 * office) inside it are read as they are from the per-person facts (V054), and those whose reports
 * all lie in its whole months are summed from the month cells counted ahead ({@link MonthCells}). Then the
 * per-person breakdowns in one pass with {@code grouping sets}, the totals and every code of the
 * masks (offices and destinations too) in one aggregate row, and codes
 * are put back in place of ids only on the final few hundred cells. The rules are those of
 * {@link PersonRules}; {@code FactCountsIntegrationTests} checks the cells against each indicator
 * counted from its own pairs.
 */
final class FactCounts {

    /** The vocabularies held as bitmasks, by the indicator counting them and the column of the mask. */
    private static final Map<Indicator, Mask> MASKS = Map.of(
            Indicator.BY_EXPLOITATION, new Mask("exploitation", "exploitation", 0),
            Indicator.BY_RECRUITMENT, new Mask("recruitment", "recruitment", 0),
            Indicator.BY_SERVICE, new Mask("services", "services", 0),
            Indicator.BY_OFFICE, new Mask("office", "office_mask", 1),
            Indicator.BY_DESTINATION_COUNTRY, new Mask("country", "destination_mask", 1));

    /** The vocabulary of a mask, its column and the id of its bit 0 (ids above 62 + first have no bit). */
    record Mask(String vocabulary, String column, int first) {
    }

    /** The per-person breakdowns, each an integer column of {@code x} (a grouping set each). */
    private static final Map<Indicator, String> PERSON_CODES = Map.of(
            Indicator.BY_SEX, "sex",
            Indicator.BY_AGE_GROUP, "age_group",
            Indicator.BY_ORIGIN_REGENCY, "origin",
            Indicator.BY_ORIGIN_PROVINCE, "origin",
            Indicator.BY_CASE_STAGE, "stage",
            Indicator.BY_MONTH, "month");

    private static final Map<Indicator, String> PERSON_TOTALS = Map.of(
            Indicator.UNIQUE_VICTIMS, "count(*)",
            Indicator.CHILDREN, "count(*) filter (where age < 18)",
            Indicator.MULTI_OFFICE_VICTIMS, "count(*) filter (where multi_office)",
            Indicator.RE_TRAFFICKED_VICTIMS, "count(*) filter (where re_trafficked)");

    /** The per-person aggregates of {@code p}, each made only when an indicator asked for needs it. */
    private static final Map<String, String> PERSON_COLUMNS = new LinkedHashMap<>();

    static {
        PERSON_COLUMNS.put("sex", "(max(k | sex) & 131071)::integer as sex");
        PERSON_COLUMNS.put("origin", "(max(k | origin) filter (where origin is not null) & 131071)::integer as origin");
        PERSON_COLUMNS.put("age_key", "(min(k | age_key) & 131071)::integer as age_key");
        PERSON_COLUMNS.put("birth", "(min(k | birth) filter (where birth is not null) & 131071)::integer as birth");
        PERSON_COLUMNS.put("first_day", "min(day_key) as first_day");
        PERSON_COLUMNS.put("stage", "max(stage) as stage");
        PERSON_COLUMNS.put("multi_office", "min(office) <> max(office) as multi_office");
        PERSON_COLUMNS.put("re_trafficked", "min(case_id) <> max(case_id) as re_trafficked");
        for (String mask : List.of("exploitation", "recruitment", "services", "office_mask", "destination_mask")) {
            PERSON_COLUMNS.put(mask, "bit_or(%1$s) as %1$s".formatted(mask));
        }
    }

    /** Which of {@link #PERSON_COLUMNS} an indicator needs. */
    private static final Map<Indicator, List<String>> NEEDS = Map.ofEntries(
            Map.entry(Indicator.BY_SEX, List.of("sex")),
            Map.entry(Indicator.BY_AGE_GROUP, List.of("age_key", "birth", "first_day")),
            Map.entry(Indicator.CHILDREN, List.of("age_key", "birth", "first_day")),
            Map.entry(Indicator.BY_ORIGIN_REGENCY, List.of("origin")),
            Map.entry(Indicator.BY_ORIGIN_PROVINCE, List.of("origin")),
            Map.entry(Indicator.BY_CASE_STAGE, List.of("stage")),
            Map.entry(Indicator.BY_MONTH, List.of("first_day")),
            Map.entry(Indicator.MULTI_OFFICE_VICTIMS, List.of("multi_office")),
            Map.entry(Indicator.RE_TRAFFICKED_VICTIMS, List.of("re_trafficked")),
            Map.entry(Indicator.BY_EXPLOITATION, List.of("exploitation")),
            Map.entry(Indicator.BY_RECRUITMENT, List.of("recruitment")),
            Map.entry(Indicator.BY_SERVICE, List.of("services")),
            Map.entry(Indicator.BY_OFFICE, List.of("office_mask")),
            Map.entry(Indicator.BY_DESTINATION_COUNTRY, List.of("destination_mask")));

    /**
     * Her age on the date of her earliest report in the period, in whole years from the day keys (a
     * birth date after that date gives a negative age, counted like the calendar's in every age group).
     */
    private static final String AGE = """
            case when birth is null then nullif(age_key, 0) - 32768
                 else (first_day >> 9) - (birth >> 9) - case when (first_day & 511) < (birth & 511) then 1 else 0 end
            end""";

    private static final String AGE_GROUP = """
            case when age is null then 0 when age <= 5 then 1 when age <= 12 then 2 when age <= 17 then 3
                 when age <= 24 then 4 when age <= 59 then 5 else 6 end""";

    private FactCounts() {
    }

    /**
     * One statement giving (indicator, code, n) rows for these indicators over the facts selected by
     * {@code where} (a condition on {@code reporting.report_fact}); {@code maskIds} are all the ids
     * of each vocabulary held as a mask (exploitation, recruitment, services, office, country). Cells of zero are left out.
     * With {@code split} null every person is aggregated from the period's report facts; else the
     * persons are split: those with every report (of the office) inside the period, {@code :from_key}
     * to {@code :to_key} as day keys, are read as they are from the per-person facts (V054), and those
     * of whole months summed from the month cells if {@link PersonFacts#monthCells()}; only those
     * with reports on both sides of an edge are aggregated from the period's report facts.
     */
    static String sql(String where, Collection<Indicator> asked, Map<String, List<Integer>> maskIds, PersonFacts split) {
        Set<Indicator> indicators = asked.isEmpty() ? EnumSet.noneOf(Indicator.class) : EnumSet.copyOf(asked);
        boolean persons = indicators.stream().anyMatch(i -> PERSON_CODES.containsKey(i) || PERSON_TOTALS.containsKey(i)
                || MASKS.containsKey(i));
        List<String> parts = new ArrayList<>();
        String grouped = groupedCells(indicators, List.of());
        if (!grouped.isEmpty()) {
            parts.add(grouped);
        }
        String row = totalsAndMasks(indicators, maskIds, List.of());
        if (!row.isEmpty()) {
            parts.add(row);
        }
        boolean reports = indicators.contains(Indicator.REPORTS);
        boolean cases = indicators.contains(Indicator.CASES);
        if ((persons || reports || cases) && split != null && split.monthCells()) {
            // the persons and cases whose reports all lie in the period's whole months and the reports
            // of those months, counted ahead (MonthCells)
            parts.add("""
                    select indicator, id, n from reporting.month_cell
                     where generation = :generation and office = %s and first_month >= :first_month
                       and last_month <= :last_month and indicator = any(:cell_indicators)""".formatted(split.officeId()));
        }
        if (reports) {
            parts.add(split != null && split.monthCells() ? partialMonthReports(split) : "select 'reports', 0, count(*) from f");
        }
        if (cases) {
            parts.add(split == null ? "select 'cases', 0, count(*) from (select distinct case_id from f) c" : cases(split));
        }
        // offices and destinations beyond the bits of their masks (none in a province's usual data)
        if (indicators.contains(Indicator.BY_OFFICE) && beyondMask(maskIds, "office")) {
            parts.add("select 'by_office', office, count(*) from (select distinct office, person_id from f where office > 63) d"
                    + " group by office");
        }
        if (indicators.contains(Indicator.BY_DESTINATION_COUNTRY) && beyondMask(maskIds, "country")) {
            parts.add("select 'by_destination_country', destination, count(*) from (select distinct destination, person_id from f"
                    + " where destination > 63) d group by destination");
        }
        if (parts.isEmpty()) {
            return "select '' as indicator, '' as code, 0::bigint as n where false";
        }
        // f is read where it is used (the persons' aggregate, reports, cases) rather than copied once
        String with = "with f as not materialized (select * from reporting.report_fact where " + where + ")"
                // p is copied once only when two parts read it (a single indicator's one part reads it in place)
                + (persons ? ",\np as " + (!grouped.isEmpty() && !row.isEmpty() ? "" : "not ") + "materialized ("
                        + persons(indicators, split) + ")" : "");
        return named(with, parts, indicators);
    }

    /**
     * One statement giving (indicator, code, n) rows for every indicator counted per person over
     * every report of the persons of {@code reporting.person_fact} that {@code personScope} selects,
     * read as they are from their per-person facts (V054): what a person counts in the all-time
     * indicators ({@link AllTimeCounts}). One pass over the persons with {@code grouping sets} and
     * the masks' bits in one aggregate row, where the same cells from {@code reporting.person} took
     * an aggregate per indicator. The rules are those of {@link PersonRules}, as for a period.
     */
    static String personCells(String personScope, Map<String, List<Integer>> maskIds) {
        return personCells("reporting.report_fact", "reporting.person_fact", personScope, maskIds);
    }

    /**
     * {@link #personCells(String, Map)} over other tables of the same columns: {@code reportFacts} (a table or an
     * aliased subquery of {@code reporting.report_fact}'s columns) and {@code personFacts} (a table of
     * {@code reporting.person_fact}'s), as written beside a rebuild before they are put in place.
     */
    static String personCells(String reportFacts, String personFacts, String personScope,
            Map<String, List<Integer>> maskIds) {
        Set<Indicator> indicators = personIndicators();
        List<String> parts = new ArrayList<>(List.of(groupedCells(indicators, List.of()),
                totalsAndMasks(indicators, maskIds, List.of())));
        // offices and destinations beyond the bits of their masks (none in a province's usual data)
        if (beyondMask(maskIds, "office")) {
            parts.add("select 'by_office', office, count(*) from (select distinct office, person_id from f where office > 63) d"
                    + " group by office");
        }
        if (beyondMask(maskIds, "country")) {
            parts.add("select 'by_destination_country', destination, count(*) from (select distinct destination, person_id from f"
                    + " where destination > 63) d group by destination");
        }
        String columns = String.join(", ", PERSON_COLUMNS.keySet().stream().filter(column -> indicators.stream()
                .anyMatch(indicator -> NEEDS.getOrDefault(indicator, List.of()).contains(column))).toList());
        // every person's facts read where each part uses them rather than copied once: at a million persons the copy
        // spilled 83 MB to a temporary file, and the statement took 3.6 and 4.6 s against 6.0 and 5.1 s copied
        // (alternated, load 18-21); a few persons' (a refresh's) are still looked up once
        String with = "with f as not materialized (select * from " + reportFacts + " where " + personScope + ")"
                + ",\np as " + ("true".equals(personScope) ? "not " : "") + "materialized (select *, " + AGE + " as age from (select person_id, " + columns
                + " from " + personFacts + " where " + personScope + ") a)";
        return named(with, parts, indicators);
    }

    /**
     * {@link #personCells(String, Map)} of every person, summed from the province's month cells of {@code generation}
     * ({@code reporting.month_cell}, office 0, {@link MonthCells}): each person is in one of them, that of the months
     * of her first and last report. Empty when an office or a destination lies beyond the bits of their masks: the
     * month cells do not count those, which {@link #personCells(String, Map)} reads from the report facts.
     */
    static Optional<String> personCellsFromMonthCells(long generation, Map<String, List<Integer>> maskIds) {
        if (beyondMask(maskIds, "office") || beyondMask(maskIds, "country")) {
            return Optional.empty();
        }
        Set<Indicator> indicators = personIndicators();
        String keys = indicators.stream().map(indicator -> "'" + indicator.key() + "'")
                .collect(Collectors.joining(", "));
        return Optional.of(named("with m as (select indicator, id, n from reporting.month_cell where generation = "
                + generation + " and office = 0 and indicator in (" + keys + "))",
                List.of("select indicator, id, n from m"), indicators));
    }

    /** The cells of {@code parts} (ids) summed and named by their codes, after {@code with}'s tables. */
    private static String named(String with, List<String> parts, Set<Indicator> indicators) {
        with += ",\ncells(indicator, id, n) as (select indicator, id, sum(n)::bigint from ("
                + String.join("\nunion all\n", parts) + ") c(indicator, id, n) group by indicator, id)"
                + ",\nnamed as (" + named() + ")\n";
        String provinces = indicators.contains(Indicator.BY_ORIGIN_PROVINCE)
                ? "\nunion all\nselect 'by_origin_province', case when code = 'unknown' then code else left(code, 2) end, sum(n)::bigint"
                        + " from named where indicator = 'by_origin_regency' group by 2"
                : "";
        String regencies = indicators.contains(Indicator.BY_ORIGIN_REGENCY) ? "" : " and indicator <> 'by_origin_regency'";
        return with + "select indicator, code, n from (select indicator, code, n from named where n > 0" + regencies + provinces
                + ") c where n > 0 order by indicator, code";
    }

    /**
     * One row per person of the period with what these indicators need, by the rules of
     * {@link PersonRules#PERIOD}; a single indicator makes one or two aggregates, not all of them.
     */
    private static String persons(Set<Indicator> indicators, PersonFacts split) {
        Set<String> needed = new LinkedHashSet<>();
        indicators.forEach(indicator -> needed.addAll(NEEDS.getOrDefault(indicator, List.of())));
        List<String> columns = new ArrayList<>(List.of("person_id"));
        List<String> kept = new ArrayList<>(List.of("person_id"));
        PERSON_COLUMNS.forEach((name, aggregate) -> {
            if (needed.contains(name)) {
                columns.add(aggregate);
                kept.add(name);
            }
        });
        String aggregate = "select " + String.join(", ", columns) + " from f group by person_id";
        if (split != null) {
            aggregate = inside(kept, split) + "\nunion all\n" + aggregate.replace(" from f ",
                    split.shortPeriod() ? """
                     from f where exists (
                        select 1 from %1$s s
                         where s.person_id = f.person_id%2$s and (s.first_day < :from_key or s.last_day > :to_key))
                    """.formatted(split.table(), split.table().endsWith("office_person_fact") ? " and s.office = f.office" : "")
                    : """
                     from f where person_id in (
                        select person_id from %1$s
                         where %2$sfirst_day < last_day
                           and (int4range(first_day, last_day, '[]') @> :from_key and first_day < :from_key
                                or int4range(first_day, last_day, '[]') @> :to_key and last_day > :to_key))
                    """.formatted(split.table(), split.scope()));
        }
        return needed.contains("age_key") ? "select *, " + AGE + " as age from (" + aggregate + ") a" : aggregate;
    }

    /**
     * The per-person facts a period's persons are read from: {@code reporting.person_fact}, or
     * {@code reporting.office_person_fact} with {@code scope} the condition on its office (ending
     * in {@code and}).
     */
    record PersonFacts(String table, String scope, String officeId, boolean monthCells, boolean shortPeriod) {

        /** The per-case facts of the same scope (V056). */
        String caseTable() {
            return table.replace("person_fact", "case_fact");
        }

        static final PersonFacts EVERY_OFFICE = new PersonFacts("reporting.person_fact", "", "0", false, false);

        static PersonFacts office(String officeId) {
            return new PersonFacts("reporting.office_person_fact", "office = " + officeId + " and ", officeId, false, false);
        }

        /**
         * For a short period: its straddling persons are found from its reports, one look-up of the
         * person's facts each, rather than among every person whose days hold one of its edges.
         */
        PersonFacts forShortPeriod() {
            return new PersonFacts(table, scope, officeId, monthCells, true);
        }

        /**
         * With the persons of the period's whole months ({@code :first_month} to {@code :last_month},
         * month keys) read from the month cells of {@code :generation} (MonthCells).
         */
        PersonFacts withMonthCells() {
            return new PersonFacts(table, scope, officeId, true, shortPeriod);
        }
    }

    /**
     * The cells of {@code reporting.month_cell} that need no person (office, first month, last month, indicator, id,
     * n): the cases by the months of their first and last report, per office (0: every office), and each month's
     * reports. Counted from the report and per-case facts alone, so a rebuild writes them before its person rows are
     * in place ({@link MonthCells#makeWithoutPersons}).
     */
    static final String CASE_AND_REPORT_MONTH_CELLS = """
            with r as (select office, day_key >> 5 as month, count(*) as n from reporting.report_fact group by 1, 2)
            select 0, first_day >> 5, last_day >> 5, 'cases', 0, count(*) from reporting.case_fact group by 2, 3
            union all
            select office, first_day >> 5, last_day >> 5, 'cases', 0, count(*) from reporting.office_case_fact group by 1, 2, 3
            union all
            select office, month, month, 'reports', 0, n from r
            union all
            select 0, month, month, 'reports', 0, sum(n) from r group by month
            """;

    /**
     * The per-person cells (indicator, id, n) of every person's and every (office, person)'s facts,
     * by office (0: every office) and the months of her first and last report: what
     * {@code reporting.month_cell} holds ({@link MonthCells}) but for {@link #CASE_AND_REPORT_MONTH_CELLS}.
     */
    static String monthCellsSql(Map<String, List<Integer>> maskIds) {
        Set<Indicator> indicators = personIndicators();
        Set<String> needed = new LinkedHashSet<>();
        indicators.forEach(indicator -> needed.addAll(NEEDS.getOrDefault(indicator, List.of())));
        String columns = PERSON_COLUMNS.keySet().stream().filter(needed::contains).collect(Collectors.joining(", "));
        List<String> groups = List.of("office", "first_month", "last_month");
        // the persons' facts read twice (the grouped cells, the totals and masks) rather than kept in a materialised
        // set: at a million persons that set (1.9 million rows) spilled 181 MB to a temporary file, written and read
        // back, and the statement took 13.5 and 12.1 s against 18.0 and 14.9 s (alternated, load 13)
        return """
                with p as not materialized (
                    select *, %1$s as age
                      from (select 0 as office, first_day >> 5 as first_month, last_day >> 5 as last_month, %2$s
                              from reporting.person_fact
                             union all
                            select office, first_day >> 5, last_day >> 5, %2$s from reporting.office_person_fact) a)
                %3$s
                union all
                %4$s
                """.formatted(AGE, columns, groupedCells(indicators, groups), totalsAndMasks(indicators, maskIds, groups));
    }

    /** The indicators counted per person (all but reports and cases). */
    static Set<Indicator> personIndicators() {
        Set<Indicator> indicators = EnumSet.noneOf(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            if (PERSON_CODES.containsKey(indicator) || PERSON_TOTALS.containsKey(indicator) || MASKS.containsKey(indicator)) {
                indicators.add(indicator);
            }
        }
        return indicators;
    }

    /**
     * The persons with every report inside the period as they are in the per-person facts; with
     * month cells, only those with a first report before its first whole month or a last report after
     * its last (two ranges of an index each).
     */
    private static String inside(List<String> columns, PersonFacts split) {
        String select = "select " + String.join(", ", columns) + " from " + split.table() + " where " + split.scope();
        if (!split.monthCells()) {
            return select + "first_day >= :from_key and last_day <= :to_key";
        }
        return select + "first_day >= :from_key and first_day < (:first_month << 5) and last_day <= :to_key\nunion all\n"
                + select + "last_day >= ((:last_month + 1) << 5) and last_day <= :to_key and first_day >= (:first_month << 5)";
    }

    /**
     * The reports of the period's partial first and last month (those of its whole months are in the
     * month cells): two ranges of the date index. {@code :from_date} to {@code :whole_from} (excluded)
     * and {@code :whole_to} (excluded) to {@code :to_date}.
     */
    private static String partialMonthReports(PersonFacts split) {
        String count = "select count(*) from reporting.report_fact where " + split.scope();
        return "select 'reports', 0, (" + count + "report_date >= :from_date and report_date < :whole_from) + ("
                + count + "report_date > :whole_to and report_date <= :to_date)";
    }

    /**
     * The cases of the period from the per-case facts (V056) rather than distinct over its reports:
     * those with every report inside it (of its whole months from the month cells, the others by two
     * index ranges), those holding one edge with their last (first) report inside, and those holding
     * both edges that have a report inside (a look-up of their reports, rare).
     */
    private static String cases(PersonFacts split) {
        String table = split.caseTable();
        String select = "select case_id from " + table + " c where " + split.scope();
        String inside = split.monthCells()
                ? select + "first_day >= :from_key and first_day < (:first_month << 5) and last_day <= :to_key\nunion all\n"
                        + select + "last_day >= ((:last_month + 1) << 5) and last_day <= :to_key and first_day >= (:first_month << 5)"
                : select + "first_day >= :from_key and last_day <= :to_key";
        String span = "first_day < last_day and int4range(first_day, last_day, '[]') @> ";
        String office = split.scope().isEmpty() ? "" : " and r.office = c.office";
        return """
                select 'cases', 0, count(*) from (
                %1$s
                union all
                %2$s%3$s:from_key and first_day < :from_key and last_day <= :to_key
                union all
                %2$s%3$s:to_key and last_day > :to_key and first_day >= :from_key
                union all
                %2$s%3$s:from_key and first_day < :from_key and last_day > :to_key
                   and exists (select 1 from reporting.report_fact r
                                where r.case_id = c.case_id and r.day_key between :from_key and :to_key%4$s)) c"""
                .formatted(inside, select, span, office);
    }

    private static boolean beyondMask(Map<String, List<Integer>> maskIds, String vocabulary) {
        return maskIds.getOrDefault(vocabulary, List.of()).stream().anyMatch(id -> id > 63);
    }

    /** The per-person breakdowns of {@code p}, a grouping set each; ids as integers. */
    private static String groupedCells(Set<Indicator> indicators, List<String> groups) {
        List<String> columns = new ArrayList<>();
        StringBuilder name = new StringBuilder("case");
        for (Indicator breakdown : indicators) {
            String column = PERSON_CODES.get(breakdown);
            if (column != null && !columns.contains(column)) {
                columns.add(column);
                String key = breakdown == Indicator.BY_ORIGIN_PROVINCE ? Indicator.BY_ORIGIN_REGENCY.key() : breakdown.key();
                name.append(" when grouping(").append(column).append(") = 0 then '").append(key).append("'");
            }
        }
        if (columns.isEmpty()) {
            return "";
        }
        Map<String, String> codes = Map.of("sex", "sex", "origin", "coalesce(origin, 0) as origin", "stage", "stage",
                "month", "first_day >> 5 as month", "age_group", AGE_GROUP + " as age_group");
        String prefix = groups.stream().map(group -> group + ", ").collect(Collectors.joining());
        // the persons counted once per combination of their codes, and the grouping sets summed over those counts: each
        // grouping set hashed every person again (at a million persons, the month cells' five sets over 1.9 million
        // rows of persons and office persons took 4.9 and 6.4 s against 3.2 and 4.7 s so, alternated under load 12-15)
        return """
                select %4$s%1$s end, coalesce(%2$s), sum(n)::bigint
                  from (select %4$s%2$s, count(*) as n from (select %4$s%3$s from p) x group by %4$s%2$s) x
                 group by grouping sets (%5$s)""".formatted(name, String.join(", ", columns),
                columns.stream().map(codes::get).collect(Collectors.joining(", ")), prefix,
                columns.stream().map(column -> "(" + prefix + column + ")").collect(Collectors.joining(", ")));
    }

    /** The totals of {@code p} and each code of the masks, in one aggregate row, then one row each. */
    private static String totalsAndMasks(Set<Indicator> indicators, Map<String, List<Integer>> maskIds, List<String> groups) {
        List<String> aggregates = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        for (Indicator total : indicators) {
            if (PERSON_TOTALS.containsKey(total)) {
                aggregates.add(PERSON_TOTALS.get(total) + " as " + total.key());
                cells.add("('%1$s', 0, s.%1$s)".formatted(total.key()));
            }
            Mask mask = MASKS.get(total);
            if (mask != null) {
                for (int id : maskIds.getOrDefault(mask.vocabulary(), List.of())) {
                    int bit = id - mask.first();
                    if (bit >= 0 && bit <= 62) {
                        String column = mask.column() + "_" + id;
                        aggregates.add("count(*) filter (where %s & %d <> 0) as %s".formatted(mask.column(), 1L << bit, column));
                        cells.add("('%s', %d, s.%s)".formatted(total.key(), id, column));
                    }
                }
            }
        }
        if (cells.isEmpty()) {
            return "";
        }
        String prefix = groups.stream().map(group -> "s." + group + ", ").collect(Collectors.joining());
        String grouping = groups.isEmpty() ? "" : " group by " + String.join(", ", groups);
        return "select " + prefix + "t.indicator, t.id, t.n from (select "
                + groups.stream().map(group -> group + ", ").collect(Collectors.joining()) + String.join(", ", aggregates)
                + " from p" + grouping + ") s cross join lateral (values "
                + String.join(", ", cells) + ") t(indicator, id, n)";
    }

    /** The cells with codes in place of ids. */
    private static String named() {
        return """
                select c.indicator,
                       case when c.indicator in ('unique_victims', 'reports', 'cases', 'children', 'multi_office_victims',
                                                 're_trafficked_victims') then ''
                            when c.indicator = 'by_age_group'
                                then (array['unknown', '0-5', '6-12', '13-17', '18-24', '25-59', '60+'])[c.id + 1]
                            when c.indicator = 'by_case_stage' then coalesce(reporting.stage_of_rank(c.id), 'unknown')
                            when c.indicator = 'by_month'
                                then to_char(make_date(1900 + c.id / 16, mod(c.id, 16), 1), 'YYYY-MM')
                            else coalesce(v.code, 'unknown') end as code,
                       c.n
                  from cells c
                  left join reporting.code_id v on v.id = c.id and v.vocabulary = case c.indicator
                       when 'by_sex' then 'sex' when 'by_origin_regency' then 'region' when 'by_office' then 'office'
                       when 'by_destination_country' then 'country' when 'by_exploitation' then 'exploitation'
                       when 'by_recruitment' then 'recruitment' when 'by_service' then 'services' end
                """;
    }
}
