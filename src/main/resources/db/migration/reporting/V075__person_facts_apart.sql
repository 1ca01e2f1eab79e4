-- The per-person and per-office-person facts of every report fact, without the per-case facts that
-- reporting.write_all_person_and_case_facts (V059) writes with them: a first load's rebuild copies the
-- per-case facts made before its persons were resolved (org.gugus.reporting.ReportsAhead) and writes
-- only these after. The statements are V059's.
create function reporting.write_all_person_facts() returns void
    language plpgsql as $$
begin
    insert into reporting.person_fact (person_id, first_day, last_day, sex, origin, age_key, birth, stage, multi_office,
           re_trafficked, exploitation, recruitment, services, office_mask, destination_mask)
    select person_id, min(day_key), max(day_key),
           (max(k | sex) & 131071)::integer,
           (max(k | origin) filter (where origin is not null) & 131071)::integer,
           (min(k | age_key) & 131071)::integer,
           (min(k | birth) filter (where birth is not null) & 131071)::integer,
           max(stage), min(office) <> max(office), min(case_id) <> max(case_id),
           bit_or(exploitation), bit_or(recruitment), bit_or(services), bit_or(office_mask), bit_or(destination_mask)
      from reporting.report_fact
     group by person_id;
    insert into reporting.office_person_fact (office, person_id, first_day, last_day, sex, origin, age_key, birth, stage,
           multi_office, re_trafficked, exploitation, recruitment, services, office_mask, destination_mask)
    select office, person_id, min(day_key), max(day_key),
           (max(k | sex) & 131071)::integer,
           (max(k | origin) filter (where origin is not null) & 131071)::integer,
           (min(k | age_key) & 131071)::integer,
           (min(k | birth) filter (where birth is not null) & 131071)::integer,
           max(stage), false, min(case_id) <> max(case_id),
           bit_or(exploitation), bit_or(recruitment), bit_or(services), bit_or(office_mask), bit_or(destination_mask)
      from reporting.report_fact
     group by office, person_id;
end
$$;
