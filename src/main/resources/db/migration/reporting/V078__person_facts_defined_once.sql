-- The per-person and per-office-person aggregates defined once, in reporting.person_facts_into (V077): the
-- rebuild on one connection (write_all_person_facts, V075) and a rebuild that reads the warehouse itself
-- (write_all_person_and_case_facts, V059) repeated them, and now write through it, from the report facts.
-- Read once and kept in memory for both aggregates (V077's shape), the facts cost that rebuild's statement
-- 5 % more server CPU than its two scans at the median (0.44 against 0.42 s at 100,000 facts), more in the
-- tail. A person with one report fact (after a first load, nearly everyone) now has that fact's values as
-- they are, which the aggregates over one row give, without aggregating them, as the person rows do
-- (org.gugus.reporting.ReportingRefresh); only the persons with more are aggregated. That took about a third
-- off the statement's server CPU, on one connection and beside the rebuild
-- (org.gugus.reporting.PersonRowsAside), with the same rows.
create or replace function reporting.person_facts_into(facts text, persons regclass, office_persons regclass) returns void
    language plpgsql as $$
begin
    execute format($sql$
    with f as materialized (%1$s),
    many as (select person_id from f group by person_id having count(*) > 1),
    per_person as (
        insert into %2$s (person_id, first_day, last_day, sex, origin, age_key, birth, stage, multi_office,
               re_trafficked, exploitation, recruitment, services, office_mask, destination_mask)
        select person_id, day_key, day_key, ((k | sex) & 131071)::integer, ((k | origin) & 131071)::integer,
               ((k | age_key) & 131071)::integer, ((k | birth) & 131071)::integer, stage, false, false,
               exploitation, recruitment, services, office_mask, destination_mask
          from f where person_id not in (select person_id from many)
        union all
        select person_id, min(day_key), max(day_key),
               (max(k | sex) & 131071)::integer,
               (max(k | origin) filter (where origin is not null) & 131071)::integer,
               (min(k | age_key) & 131071)::integer,
               (min(k | birth) filter (where birth is not null) & 131071)::integer,
               max(stage), min(office) <> max(office), min(case_id) <> max(case_id),
               bit_or(exploitation), bit_or(recruitment), bit_or(services), bit_or(office_mask), bit_or(destination_mask)
          from f where person_id in (select person_id from many)
         group by person_id)
    insert into %3$s (office, person_id, first_day, last_day, sex, origin, age_key, birth, stage,
           multi_office, re_trafficked, exploitation, recruitment, services, office_mask, destination_mask)
    select office, person_id, day_key, day_key, ((k | sex) & 131071)::integer, ((k | origin) & 131071)::integer,
           ((k | age_key) & 131071)::integer, ((k | birth) & 131071)::integer, stage, false, false,
           exploitation, recruitment, services, office_mask, destination_mask
      from f where person_id not in (select person_id from many)
    union all
    select office, person_id, min(day_key), max(day_key),
           (max(k | sex) & 131071)::integer,
           (max(k | origin) filter (where origin is not null) & 131071)::integer,
           (min(k | age_key) & 131071)::integer,
           (min(k | birth) filter (where birth is not null) & 131071)::integer,
           max(stage), false, min(case_id) <> max(case_id),
           bit_or(exploitation), bit_or(recruitment), bit_or(services), bit_or(office_mask), bit_or(destination_mask)
      from f where person_id in (select person_id from many)
     group by office, person_id
    $sql$, facts, persons, office_persons);
end
$$;

create or replace function reporting.write_all_person_facts() returns void
    language plpgsql as $$
begin
    perform reporting.person_facts_into('table reporting.report_fact', 'reporting.person_fact',
                                        'reporting.office_person_fact');
end
$$;

create or replace function reporting.write_all_person_and_case_facts() returns void
    language plpgsql as $$
begin
    perform reporting.write_all_person_facts();
    insert into reporting.case_fact (case_id, first_day, last_day)
    select case_id, min(day_key), max(day_key) from reporting.report_fact group by case_id;
    insert into reporting.office_case_fact (office, case_id, first_day, last_day)
    select office, case_id, min(day_key), max(day_key) from reporting.report_fact group by office, case_id;
end
$$;
