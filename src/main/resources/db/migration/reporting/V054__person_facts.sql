-- Per-person facts: one row per person of the aggregate of all her report facts (V053), and one per
-- (office, person) of her reports of that office, with the columns org.gugus.reporting.FactCounts
-- makes per person of a period, plus her first and last report day. Most persons have all their
-- reports inside a period or all outside it: those inside are read from here as they are; only the
-- persons with reports both inside and outside (straddling an edge) are aggregated from the report
-- facts. Kept by triggers on reporting.report_fact, set-based, whatever writes it.

create table reporting.person_fact (
    person_id        bigint   primary key,
    first_day        integer  not null,  -- day key of her earliest report
    last_day         integer  not null,  -- day key of her latest report
    sex              integer  not null,  -- of her latest report
    origin           integer,            -- of her latest report that gives one
    age_key          integer  not null,  -- of her earliest report
    birth            integer,            -- of her earliest report that gives one
    stage            smallint not null,  -- the most advanced
    multi_office     boolean  not null,
    re_trafficked    boolean  not null,
    exploitation     bigint   not null,
    recruitment      bigint   not null,
    services         bigint   not null,
    office_mask      bigint   not null,
    destination_mask bigint   not null
);

create table reporting.office_person_fact (
    office           smallint not null,
    person_id        bigint   not null,
    first_day        integer  not null,
    last_day         integer  not null,
    sex              integer  not null,
    origin           integer,
    age_key          integer  not null,
    birth            integer,
    stage            smallint not null,
    multi_office     boolean  not null,
    re_trafficked    boolean  not null,
    exploitation     bigint   not null,
    recruitment      bigint   not null,
    services         bigint   not null,
    office_mask      bigint   not null,
    destination_mask bigint   not null,
    primary key (person_id, office)
);

-- the persons inside a period: a range of first days; those straddling an edge (only persons with
-- reports on two days or more can): the ranges of days that hold the edge's day
create index person_fact_days on reporting.person_fact (first_day, last_day);
create index person_fact_span on reporting.person_fact using gist (int4range(first_day, last_day, '[]'))
    where first_day < last_day;
create index office_person_fact_days on reporting.office_person_fact (office, first_day, last_day);
create index office_person_fact_span on reporting.office_person_fact using gist (int4range(first_day, last_day, '[]'))
    where first_day < last_day;
-- a person's report facts (the straddling persons', the persons a refresh rewrites)
create index report_fact_person on reporting.report_fact (person_id, report_date);

-- rewrites the per-person facts of these persons from their report facts
create function reporting.write_person_facts(persons bigint[]) returns void
    language plpgsql as $$
begin
    delete from reporting.person_fact where person_id = any(persons);
    delete from reporting.office_person_fact where person_id = any(persons);
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
     where person_id = any(persons)
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
     where person_id = any(persons)
     group by office, person_id;
end
$$;

create function reporting.person_facts() returns trigger
    language plpgsql as $$
declare
    persons bigint[];
begin
    if tg_op = 'INSERT' then
        persons := array(select distinct person_id from added);
    elsif tg_op = 'DELETE' then
        persons := array(select distinct person_id from removed);
    else
        persons := array(select person_id from added union select person_id from removed);
    end if;
    perform reporting.write_person_facts(persons);
    return null;
end
$$;

create function reporting.person_facts_truncated() returns trigger
    language plpgsql as $$
begin
    truncate reporting.person_fact, reporting.office_person_fact;
    return null;
end
$$;

create trigger person_facts_added after insert on reporting.report_fact
    referencing new table as added for each statement execute function reporting.person_facts();
create trigger person_facts_changed after update on reporting.report_fact
    referencing old table as removed new table as added for each statement execute function reporting.person_facts();
create trigger person_facts_removed after delete on reporting.report_fact
    referencing old table as removed for each statement execute function reporting.person_facts();
create trigger person_facts_truncated after truncate on reporting.report_fact
    for each statement execute function reporting.person_facts_truncated();

-- the facts of the persons already there
select reporting.write_person_facts(array(select distinct person_id from reporting.report_fact));

-- the read-only role reads them without the birth day key (kept only to compute ages), as for report_fact
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'gugus_reporting') then
        revoke select on reporting.person_fact, reporting.office_person_fact from gugus_reporting;
        grant select (person_id, first_day, last_day, sex, origin, age_key, stage, multi_office, re_trafficked, exploitation,
                      recruitment, services, office_mask, destination_mask)
            on reporting.person_fact to gugus_reporting;
        grant select (office, person_id, first_day, last_day, sex, origin, age_key, stage, multi_office, re_trafficked,
                      exploitation, recruitment, services, office_mask, destination_mask)
            on reporting.office_person_fact to gugus_reporting;
    end if;
end
$$;
