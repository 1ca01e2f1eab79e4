-- The per-person and per-office-person facts of the report facts that a query gives (of the columns of
-- reporting.report_fact), into two tables (of the columns of reporting.person_fact and
-- reporting.office_person_fact): a first load's rebuild has them written on a second connection, from the
-- facts read ahead with their persons, into tables put in place of its own
-- (org.gugus.reporting.PersonRowsAside). The facts are read once, kept in memory for both aggregates; the
-- aggregates are V075's.
create function reporting.person_facts_into(facts text, persons regclass, office_persons regclass) returns void
    language plpgsql as $$
begin
    execute format($sql$
    with f as materialized (%1$s),
    per_person as (
        insert into %2$s (person_id, first_day, last_day, sex, origin, age_key, birth, stage, multi_office,
               re_trafficked, exploitation, recruitment, services, office_mask, destination_mask)
        select person_id, min(day_key), max(day_key),
               (max(k | sex) & 131071)::integer,
               (max(k | origin) filter (where origin is not null) & 131071)::integer,
               (min(k | age_key) & 131071)::integer,
               (min(k | birth) filter (where birth is not null) & 131071)::integer,
               max(stage), min(office) <> max(office), min(case_id) <> max(case_id),
               bit_or(exploitation), bit_or(recruitment), bit_or(services), bit_or(office_mask), bit_or(destination_mask)
          from f
         group by person_id)
    insert into %3$s (office, person_id, first_day, last_day, sex, origin, age_key, birth, stage,
           multi_office, re_trafficked, exploitation, recruitment, services, office_mask, destination_mask)
    select office, person_id, min(day_key), max(day_key),
           (max(k | sex) & 131071)::integer,
           (max(k | origin) filter (where origin is not null) & 131071)::integer,
           (min(k | age_key) & 131071)::integer,
           (min(k | birth) filter (where birth is not null) & 131071)::integer,
           max(stage), false, min(case_id) <> max(case_id),
           bit_or(exploitation), bit_or(recruitment), bit_or(services), bit_or(office_mask), bit_or(destination_mask)
      from f
     group by office, person_id
    $sql$, facts, persons, office_persons);
end
$$;
