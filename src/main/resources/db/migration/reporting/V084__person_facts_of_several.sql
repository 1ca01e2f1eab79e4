-- The per-person facts of a first load's rebuild, written beside it from the facts read ahead (PersonRowsAside),
-- told a person of several facts from a person of one by her records, as the person rows beside are: a table of the
-- records whose person has more than one (read from the narrow links, some 71,000 records of 35,000 persons among
-- a million) instead of grouping every fact by person to count hers (at a million facts, 964,000 persons grouped
-- for a tenth of the statement's server CPU). Same rows as reporting.person_facts_into (V078) when "several" holds
-- exactly the records of persons with more than one fact.
create or replace function reporting.person_facts_into(facts text, several regclass, persons regclass,
                                                       office_persons regclass) returns void
    language plpgsql as $$
begin
    execute format($sql$
    with f as materialized (%1$s),
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
               bit_or(exploitation), bit_or(recruitment), bit_or(services), bit_or(office_mask), bit_or(destination_mask)
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
           bit_or(exploitation), bit_or(recruitment), bit_or(services), bit_or(office_mask), bit_or(destination_mask)
      from f where victim_id in (select victim_id from %2$s)
     group by office, person_id
    $sql$, facts, several, persons, office_persons);
end
$$;
