package org.gugus.reporting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The indicators of a period or office in one statement: the period's reports ({@code r}) are read
 * once, one row per person is made from them once ({@code p}, {@link PersonRules#PERIOD}), then
 * every per-person indicator is counted in one pass over {@code p} with {@code grouping sets} (the
 * empty set gives the totals), and every per-report breakdown in one hash aggregate over the
 * distinct (indicator, code, person) triples of {@code r}. The same rules and the same cells as
 * {@link Indicator#pairs()} counted one by one; {@code PeriodCountsIntegrationTests} checks it.
 */
final class PeriodCounts {

    /** The code of a person's cell, per breakdown over {@code p}: never null. */
    private static final Map<Indicator, String> PERSON_CODES = new EnumMap<>(Map.of(
            Indicator.BY_SEX, "coalesce(sex, 'unknown')",
            Indicator.BY_AGE_GROUP, "reporting.age_group(age)",
            Indicator.BY_ORIGIN_REGENCY, "coalesce(origin_regency_code, 'unknown')",
            Indicator.BY_ORIGIN_PROVINCE, "coalesce(left(origin_regency_code, 2), 'unknown')",
            Indicator.BY_CASE_STAGE, "coalesce(case_stage, 'unknown')",
            Indicator.BY_MONTH, "to_char(first_report_date, 'YYYY-MM')"));

    /** The person totals, counted in the empty grouping set. */
    private static final Map<Indicator, String> PERSON_TOTALS = new EnumMap<>(Map.of(
            Indicator.UNIQUE_VICTIMS, "count(*)",
            Indicator.CHILDREN, "count(*) filter (where age < 18)",
            Indicator.MULTI_OFFICE_VICTIMS, "count(*) filter (where office_count >= 2)",
            Indicator.RE_TRAFFICKED_VICTIMS, "count(*) filter (where cases >= 2)"));

    /** A report's codes per breakdown over {@code r}: (code) rows from one report. */
    private static final Map<Indicator, String> REPORT_CODES = new EnumMap<>(Map.of(
            Indicator.BY_EXPLOITATION, "select person_id, code from r, unnest(r.exploitation) code",
            Indicator.BY_RECRUITMENT, "select person_id, code from r, unnest(r.recruitment) code",
            Indicator.BY_SERVICE, "select person_id, code from r, unnest(r.services) code",
            Indicator.BY_DESTINATION_COUNTRY,
            "select person_id, destination_country as code from r where destination_country is not null",
            Indicator.BY_OFFICE, "select person_id, office_code as code from r"));

    private PeriodCounts() {
    }

    /**
     * One statement giving (indicator, code, n) rows for these indicators, over the reports selected
     * by {@code where} (a condition on {@code reporting.report}); cells of zero are left out.
     */
    static String sql(String where, Collection<Indicator> asked) {
        Set<Indicator> indicators = asked.isEmpty() ? EnumSet.noneOf(Indicator.class) : EnumSet.copyOf(asked);
        List<String> parts = new ArrayList<>();
        boolean persons = indicators.stream().anyMatch(i -> PERSON_CODES.containsKey(i) || PERSON_TOTALS.containsKey(i));
        if (persons) {
            parts.add(personCells(indicators));
        }
        if (indicators.contains(Indicator.REPORTS)) {
            parts.add("select 'reports', '', count(*) from r");
        }
        if (indicators.contains(Indicator.CASES)) {
            parts.add("select 'cases', '', count(distinct case_id) from r");
        }
        List<String> perReport = new ArrayList<>();
        for (Indicator indicator : indicators) {
            if (REPORT_CODES.containsKey(indicator)) {
                perReport.add("select '%s' as indicator, code, person_id from (%s) x".formatted(indicator.key(),
                        REPORT_CODES.get(indicator)));
            }
        }
        if (!perReport.isEmpty()) {
            // each person once per cell: distinct triples, hashed, then counted
            parts.add("select indicator, code, count(*) from (select distinct indicator, code, person_id from ("
                    + String.join("\nunion all\n", perReport) + ") u) d group by indicator, code");
        }
        if (parts.isEmpty()) {
            return "select '' as indicator, '' as code, 0::bigint as n where false";
        }
        String with = "with r as materialized (select person_id, victim_id, case_id, office_code, report_date, sex, citizenship,"
                + " origin_regency_code, birth_date, age, case_stage, exploitation, recruitment, services, destination_country, "
                + PersonRules.ORDER_KEY + " as k from reporting.report where " + where + ")"
                + (persons ? ",\np as materialized (" + PersonRules.PERIOD + ")" : "") + "\n";
        return with + "select indicator, code, n from (" + String.join("\nunion all\n", parts) + ") c(indicator, code, n)"
                + " where n > 0 order by indicator, code";
    }

    private static String personCells(Set<Indicator> indicators) {
        List<String> parts = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        StringBuilder name = new StringBuilder("case");
        for (Indicator breakdown : indicators) {
            if (PERSON_CODES.containsKey(breakdown)) {
                String column = "c_" + breakdown.key();
                columns.add(column);
                name.append(" when grouping(").append(column).append(") = 0 then '").append(breakdown.key()).append("'");
            }
        }
        if (!columns.isEmpty()) {
            // one pass over the persons for every breakdown: a grouping set each
            parts.add("select %s end, coalesce(%s), count(*) from (select %s from p) x group by grouping sets (%s)".formatted(
                    name, String.join(", ", columns), columns.stream()
                            .map(column -> PERSON_CODES.get(Indicator.valueOf(column.substring(2).toUpperCase(java.util.Locale.ROOT)))
                                    + " as " + column).collect(java.util.stream.Collectors.joining(", ")),
                    columns.stream().map(column -> "(" + column + ")").collect(java.util.stream.Collectors.joining(", "))));
        }
        List<String> aggregates = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        for (Indicator total : indicators) {
            if (PERSON_TOTALS.containsKey(total)) {
                aggregates.add(PERSON_TOTALS.get(total) + " as " + total.key());
                totals.add("('%1$s', s.%1$s)".formatted(total.key()));
            }
        }
        if (!totals.isEmpty()) {
            // the totals in one aggregate row, then one (indicator, n) row each
            parts.add("select t.indicator, '', t.n from (select " + String.join(", ", aggregates)
                    + " from p) s cross join lateral (values " + String.join(", ", totals) + ") t(indicator, n)");
        }
        return String.join("\nunion all\n", parts);
    }
}
