package org.gugus.reporting;

/**
 * The rules of {@code docs/indicators-v1.md} that give a person one value from several reports, as
 * SQL over a relation of {@code reporting.report} rows (all of them, or those of a period and
 * office): sex, citizenship and origin from her latest report (the latest that gives an origin);
 * the age on the date of her earliest report, from the birth date of the earliest report that gives
 * one, else the age written on that earliest report; the most advanced legal stage of her cases.
 * Ties between reports of the same date go to the record loaded later (the higher id) as "latest".
 */
final class PersonRules {

    /** Per person, from the relation named by {@code %1$s}. */
    static final String AGGREGATE = """
            select person_id,
                   (array_agg(sex order by report_date desc, victim_id desc))[1] as sex,
                   (array_agg(citizenship order by report_date desc, victim_id desc))[1] as citizenship,
                   (array_agg(origin_regency_code order by report_date desc, victim_id desc)
                       filter (where origin_regency_code is not null))[1] as origin_regency_code,
                   min(report_date) as first_report_date,
                   max(report_date) as last_report_date,
                   (array_agg(birth_date order by report_date, victim_id) filter (where birth_date is not null))[1] as birth_date,
                   coalesce(extract(year from age(min(report_date),
                           (array_agg(birth_date order by report_date, victim_id) filter (where birth_date is not null))[1]))::integer,
                       (array_agg(age order by report_date, victim_id))[1]) as age,
                   reporting.stage_of_rank(max(reporting.stage_rank(case_stage))) as case_stage,
                   array_agg(distinct office_code order by office_code) as offices,
                   count(distinct office_code) as office_count,
                   count(*) as reports,
                   count(distinct case_id) as cases
              from %1$s
             group by person_id
            """;

    /**
     * The same rules per person for the indicators of a period, in one aggregate over {@code r}
     * with an ordering key {@code k} (report date, then record id: {@link #ORDER_KEY}): the value of
     * her latest (earliest) report is the max (min) of the key written as fixed-width text followed
     * by the value, so no sort of each person's reports and no join back to them is needed; two or
     * more offices or cases are told by min and max. Gives person_id, sex, citizenship,
     * origin_regency_code, first_report_date, age, case_stage, office_count (1 or 2: "two or more")
     * and cases (likewise).
     */
    static final String PERIOD = """
            select person_id, nullif(substr(latest, 21, 1), '-') as sex, nullif(substr(latest, 22), '') as citizenship,
                   substr(latest_origin, 21) as origin_regency_code, first_report_date,
                   coalesce(extract(year from age(first_report_date, date '2000-01-01' + substr(earliest_birth, 21)::integer))::integer,
                       nullif(substr(earliest, 21), '')::integer) as age,
                   reporting.stage_of_rank(stage_rank) as case_stage, office_count, cases
              from (select person_id,
                           max(kt || coalesce(sex::text, '-') || coalesce(citizenship, '')) as latest,
                           max(kt || origin_regency_code) filter (where origin_regency_code is not null) as latest_origin,
                           min(kt || coalesce(age::text, '')) as earliest,
                           min(kt || (birth_date - date '2000-01-01')::text) filter (where birth_date is not null) as earliest_birth,
                           min(report_date) as first_report_date, max(reporting.stage_rank(case_stage)) as stage_rank,
                           case when min(office_code) <> max(office_code) then 2 else 1 end as office_count,
                           case when min(case_id) <> max(case_id) then 2 else 1 end as cases
                      from (select r.*, lpad(k::text, 20, '0') collate "C" as kt from r) r
                     group by person_id) a
            """;

    /** Orders reports by report date, then by record id (the record loaded later is the later one). */
    static final String ORDER_KEY = "(report_date - date '1900-01-01')::bigint * 1000000000000 + victim_id";

    private PersonRules() {
    }
}
