-- The per-person and per-office-person facts of the report facts in a relation of reporting.report_fact's
-- columns, as rows: a first load's rebuild copies them from the report facts read ahead of its persons
-- (org.gugus.reporting.ReportsAhead), computed on the connection that holds those, into the emptied tables.
-- The aggregates are those of reporting.write_all_person_and_case_facts (V059). The rows are declared
-- column by column, not as the tables' row types: a function of a table's row type waits for the table's
-- lock, which the rebuild that empties it holds.
create function reporting.person_facts_of(facts regclass)
    returns table (person_id bigint, first_day integer, last_day integer, sex integer, origin integer, age_key integer,
                   birth integer, stage smallint, multi_office boolean, re_trafficked boolean, exploitation bigint,
                   recruitment bigint, services bigint, office_mask bigint, destination_mask bigint)
    language plpgsql as $$
begin
    return query execute format($q$
        select person_id, min(day_key), max(day_key),
               (max(k | sex) & 131071)::integer,
               (max(k | origin) filter (where origin is not null) & 131071)::integer,
               (min(k | age_key) & 131071)::integer,
               (min(k | birth) filter (where birth is not null) & 131071)::integer,
               max(stage), min(office) <> max(office), min(case_id) <> max(case_id),
               bit_or(exploitation), bit_or(recruitment), bit_or(services), bit_or(office_mask), bit_or(destination_mask)
          from %s
         group by person_id
        $q$, facts);
end
$$;

create function reporting.office_person_facts_of(facts regclass)
    returns table (office smallint, person_id bigint, first_day integer, last_day integer, sex integer, origin integer,
                   age_key integer, birth integer, stage smallint, multi_office boolean, re_trafficked boolean,
                   exploitation bigint, recruitment bigint, services bigint, office_mask bigint, destination_mask bigint)
    language plpgsql as $$
begin
    return query execute format($q$
        select office, person_id, min(day_key), max(day_key),
               (max(k | sex) & 131071)::integer,
               (max(k | origin) filter (where origin is not null) & 131071)::integer,
               (min(k | age_key) & 131071)::integer,
               (min(k | birth) filter (where birth is not null) & 131071)::integer,
               max(stage), false, min(case_id) <> max(case_id),
               bit_or(exploitation), bit_or(recruitment), bit_or(services), bit_or(office_mask), bit_or(destination_mask)
          from %s
         group by office, person_id
        $q$, facts);
end
$$;
