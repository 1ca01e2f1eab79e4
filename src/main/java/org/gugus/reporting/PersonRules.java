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

    private PersonRules() {
    }
}
