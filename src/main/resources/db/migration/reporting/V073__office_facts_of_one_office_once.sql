-- A rebuild's per-office facts of persons and cases reported by one office only (after a first load,
-- nearly all) are their per-person and per-case facts as they are, with the office: V059's
-- write_all_person_and_case_facts aggregated every report fact twice for each (by person, then by
-- office and person; likewise for cases). Now each is aggregated once; only the persons and cases
-- of two offices or more are aggregated again by office. The rows written are V059's.
create or replace function reporting.write_all_person_and_case_facts() returns void
    language plpgsql as $$
begin
    with p as materialized (
        select person_id, min(office) as office, min(day_key) as first_day, max(day_key) as last_day,
               (max(k | sex) & 131071)::integer as sex,
               (max(k | origin) filter (where origin is not null) & 131071)::integer as origin,
               (min(k | age_key) & 131071)::integer as age_key,
               (min(k | birth) filter (where birth is not null) & 131071)::integer as birth,
               max(stage) as stage, min(office) <> max(office) as multi_office, min(case_id) <> max(case_id) as re_trafficked,
               bit_or(exploitation) as exploitation, bit_or(recruitment) as recruitment, bit_or(services) as services,
               bit_or(office_mask) as office_mask, bit_or(destination_mask) as destination_mask
          from reporting.report_fact
         group by person_id),
    persons as (
        insert into reporting.person_fact (person_id, first_day, last_day, sex, origin, age_key, birth, stage, multi_office,
               re_trafficked, exploitation, recruitment, services, office_mask, destination_mask)
        select person_id, first_day, last_day, sex, origin, age_key, birth, stage, multi_office, re_trafficked,
               exploitation, recruitment, services, office_mask, destination_mask
          from p)
    insert into reporting.office_person_fact (office, person_id, first_day, last_day, sex, origin, age_key, birth, stage,
           multi_office, re_trafficked, exploitation, recruitment, services, office_mask, destination_mask)
    select office, person_id, first_day, last_day, sex, origin, age_key, birth, stage, false, re_trafficked,
           exploitation, recruitment, services, office_mask, destination_mask
      from p
     where not multi_office
    union all
    select office, person_id, min(day_key), max(day_key),
           (max(k | sex) & 131071)::integer,
           (max(k | origin) filter (where origin is not null) & 131071)::integer,
           (min(k | age_key) & 131071)::integer,
           (min(k | birth) filter (where birth is not null) & 131071)::integer,
           max(stage), false, min(case_id) <> max(case_id),
           bit_or(exploitation), bit_or(recruitment), bit_or(services), bit_or(office_mask), bit_or(destination_mask)
      from reporting.report_fact
     where person_id in (select person_id from p where multi_office)
     group by office, person_id;
    with c as materialized (
        select case_id, min(office) as office, min(office) <> max(office) as multi_office, min(day_key) as first_day,
               max(day_key) as last_day
          from reporting.report_fact
         group by case_id),
    cases as (
        insert into reporting.case_fact (case_id, first_day, last_day)
        select case_id, first_day, last_day from c)
    insert into reporting.office_case_fact (office, case_id, first_day, last_day)
    select office, case_id, first_day, last_day from c where not multi_office
    union all
    select office, case_id, min(day_key), max(day_key)
      from reporting.report_fact
     where case_id in (select case_id from c where multi_office)
     group by office, case_id;
end
$$;
