-- The per-person facts of a first load's rebuild (PersonRowsAside) read the report facts read ahead as they are: the
-- rebuild's check corrected their persons, so "facts" is a table's rows, no longer their join with the persons' links.
-- Read four times where they are needed rather than kept once in memory: at a million facts the kept rows (about 80 MB)
-- outgrew the statement's memory and were written to a temporary file and read back four times. Otherwise as V084.
create or replace function reporting.person_facts_into(facts text, several regclass, persons regclass,
                                                       office_persons regclass) returns void
    language plpgsql as $$
begin
    execute format($sql$
    with f as not materialized (%1$s),
    per_person as (
        insert into %3$s (person_id, first_day, last_day, sex, origin, age_key, birth, stage, multi_office,
               re_trafficked, exploitation, recruitment, services, office_mask, destination_mask)
        select person_id, day_key, day_key, ((k | sex) & 131071)::integer, ((k | origin) & 131071)::integer,
               ((k | age_key) & 131071)::integer, ((k | birth) & 131071)::integer, stage, false, false,
               exploitation, recruitment, services, office_mask, destination_mask
          from f where victim_id not in (select victim_id from %2$s)
        union all
        select person_id, min(day_key), max(day_key),
               (max(k | sex) & 131071)::integer,
               (max(k | origin) filter (where origin is not null) & 131071)::integer,
               (min(k | age_key) & 131071)::integer,
               (min(k | birth) filter (where birth is not null) & 131071)::integer,
               max(stage), min(office) <> max(office), min(case_id) <> max(case_id),
               bit_or(exploitation), bit_or(recruitment), bit_or(services), bit_or(office_mask),
               bit_or(destination_mask)
          from f where victim_id in (select victim_id from %2$s)
         group by person_id)
    insert into %4$s (office, person_id, first_day, last_day, sex, origin, age_key, birth, stage,
           multi_office, re_trafficked, exploitation, recruitment, services, office_mask, destination_mask)
    select office, person_id, day_key, day_key, ((k | sex) & 131071)::integer, ((k | origin) & 131071)::integer,
           ((k | age_key) & 131071)::integer, ((k | birth) & 131071)::integer, stage, false, false,
           exploitation, recruitment, services, office_mask, destination_mask
      from f where victim_id not in (select victim_id from %2$s)
    union all
    select office, person_id, min(day_key), max(day_key),
           (max(k | sex) & 131071)::integer,
           (max(k | origin) filter (where origin is not null) & 131071)::integer,
           (min(k | age_key) & 131071)::integer,
           (min(k | birth) filter (where birth is not null) & 131071)::integer,
           max(stage), false, min(case_id) <> max(case_id),
           bit_or(exploitation), bit_or(recruitment), bit_or(services), bit_or(office_mask),
           bit_or(destination_mask)
      from f where victim_id in (select victim_id from %2$s)
     group by office, person_id
    $sql$, facts, several, persons, office_persons);
end
$$;
