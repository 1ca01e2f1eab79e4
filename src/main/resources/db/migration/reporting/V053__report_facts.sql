-- The facts a period's indicators are counted from, small and fixed-width: one row per report of
-- reporting.report with only what the indicators need, as small integers (org.gugus.reporting.FactCounts).
-- Codes are dictionary ids (reporting.code_id); the multi-valued vocabularies (exploitation,
-- recruitment, services) are bitmasks, so a person's union is bit_or of her reports' masks.
-- Kept by triggers on reporting.report: whatever writes reporting.report (refresh, rebuild, tests)
-- writes the facts in the same statement, set-based (transition tables).

-- Dictionary ids of codes, per vocabulary: sex, office, region (origin regency), country
-- (destination) from 1; exploitation, recruitment, services are bit positions 0..62.
create table reporting.code_id (
    vocabulary text    not null,
    code       text    not null,
    id         integer not null,
    primary key (vocabulary, code),
    unique (vocabulary, id),
    check (id between 0 and 62 or vocabulary not in ('exploitation', 'recruitment', 'services')),
    check (id between 1 and 32767 or vocabulary in ('exploitation', 'recruitment', 'services'))
);

-- k orders reports as "report date, then record id" (PersonRules.ORDER_KEY) and leaves 17 low bits
-- free: a person's value of her latest (earliest) report is max(k | value) & 131071 (min), one hash
-- aggregate without sorting. Days since 1900-01-01 (16 bits: to 2079), the record id's low 30 bits.
-- Dates as day keys: (year - 1900) << 9 | month << 5 | day, so an age in years and a month are
-- integer arithmetic (birth null outside 1900..2155). age_key: 0 when no age is written, else
-- age + 32768. Offices and destinations with a dictionary id up to 63 are bitmasks too (bit id - 1),
-- the rare others counted from their ids.
create table reporting.report_fact (
    victim_id        bigint   primary key,
    person_id        bigint   not null,
    case_id          bigint   not null,
    source_file_id   bigint   not null,
    k                bigint   not null,
    exploitation     bigint   not null,
    recruitment      bigint   not null,
    services         bigint   not null,
    office_mask      bigint   not null,
    destination_mask bigint   not null,
    report_date      date     not null,
    day_key          integer  not null,
    origin           integer,            -- code_id region, null when none
    birth            integer,            -- day key of the birth date
    age_key          integer  not null,
    office           smallint not null,  -- code_id office
    sex              smallint not null,  -- code_id sex, 0 when none
    stage            smallint not null,  -- reporting.stage_rank
    destination      smallint            -- code_id country
);

-- a date as a day key
create function reporting.day_key(d date) returns integer
    language sql immutable parallel safe as $$
    select ((extract(year from d)::integer - 1900) << 9) | (extract(month from d)::integer << 5) | extract(day from d)::integer
$$;

create index report_fact_date on reporting.report_fact (report_date);
create index report_fact_office on reporting.report_fact (office, report_date);

-- Gives the codes not yet in the dictionary of a vocabulary their ids (one writer at a time).
create function reporting.add_codes(vocab text, codes text[]) returns void
    language plpgsql as $$
begin
    if exists (select 1 from unnest(codes) c
                where c is not null and not exists (select 1 from reporting.code_id i where i.vocabulary = vocab and i.code = c)) then
        lock table reporting.code_id in share row exclusive mode;
        insert into reporting.code_id (vocabulary, code, id)
        select vocab, n.c,
               (select coalesce(max(i.id), case when vocab in ('exploitation', 'recruitment', 'services') then -1 else 0 end)
                  from reporting.code_id i where i.vocabulary = vocab) + row_number() over (order by n.c)
          from (select distinct c from unnest(codes) c where c is not null
                except select code from reporting.code_id where vocabulary = vocab) n;
    end if;
end
$$;

create function reporting.report_facts() returns trigger
    language plpgsql as $$
declare
    exploitation_codes text[];
    recruitment_codes  text[];
    service_codes      text[];
begin
    if tg_op in ('DELETE', 'UPDATE') then
        delete from reporting.report_fact f using removed r where f.victim_id = r.victim_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform reporting.add_codes('sex', array(select distinct sex::text from added));
        perform reporting.add_codes('office', array(select distinct office_code::text from added));
        perform reporting.add_codes('region', array(select distinct origin_regency_code::text from added));
        perform reporting.add_codes('country', array(select distinct destination_country::text from added));
        perform reporting.add_codes('exploitation', array(select distinct c from added, unnest(exploitation) c));
        perform reporting.add_codes('recruitment', array(select distinct c from added, unnest(recruitment) c));
        perform reporting.add_codes('services', array(select distinct c from added, unnest(services) c));
        exploitation_codes := array(select code from reporting.code_id where vocabulary = 'exploitation' order by id);
        recruitment_codes := array(select code from reporting.code_id where vocabulary = 'recruitment' order by id);
        service_codes := array(select code from reporting.code_id where vocabulary = 'services' order by id);
        insert into reporting.report_fact (victim_id, person_id, case_id, source_file_id, k, exploitation, recruitment,
               services, office_mask, destination_mask, report_date, day_key, origin, birth, age_key, office, sex, stage,
               destination)
        select a.victim_id, a.person_id, a.case_id, a.source_file_id,
               ((a.report_date - date '1900-01-01')::bigint << 47) | ((a.victim_id & 1073741823) << 17),
               (select coalesce(bit_or(1::bigint << (array_position(exploitation_codes, c) - 1)), 0) from unnest(a.exploitation) c),
               (select coalesce(bit_or(1::bigint << (array_position(recruitment_codes, c) - 1)), 0) from unnest(a.recruitment) c),
               (select coalesce(bit_or(1::bigint << (array_position(service_codes, c) - 1)), 0) from unnest(a.services) c),
               case when office.id <= 63 then 1::bigint << (office.id - 1) else 0 end,
               case when country.id <= 63 then 1::bigint << (country.id - 1) else 0 end,
               a.report_date, reporting.day_key(a.report_date), region.id,
               case when a.birth_date between date '1900-01-01' and date '2155-12-31' then reporting.day_key(a.birth_date) end,
               case when a.age is null then 0 else greatest(a.age, -32767) + 32768 end,
               office.id, coalesce(sex.id, 0), reporting.stage_rank(a.case_stage), country.id
          from added a
          join reporting.code_id office on office.vocabulary = 'office' and office.code = a.office_code
          left join reporting.code_id sex on sex.vocabulary = 'sex' and sex.code = a.sex::text
          left join reporting.code_id region on region.vocabulary = 'region' and region.code = a.origin_regency_code
          left join reporting.code_id country on country.vocabulary = 'country' and country.code = a.destination_country::text;
    end if;
    return null;
end
$$;

create function reporting.report_facts_truncated() returns trigger
    language plpgsql as $$
begin
    truncate reporting.report_fact;
    return null;
end
$$;

create trigger report_facts_added after insert on reporting.report
    referencing new table as added for each statement execute function reporting.report_facts();
create trigger report_facts_changed after update on reporting.report
    referencing old table as removed new table as added for each statement execute function reporting.report_facts();
create trigger report_facts_removed after delete on reporting.report
    referencing old table as removed for each statement execute function reporting.report_facts();
create trigger report_facts_truncated after truncate on reporting.report
    for each statement execute function reporting.report_facts_truncated();

-- the facts of the reports already there (the update trigger writes them)
update reporting.report set victim_id = victim_id;

-- the read-only role reads the facts without the birth date (kept only to compute ages), as for
-- reporting.report (V051)
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'gugus_reporting') then
        revoke select on reporting.report_fact from gugus_reporting;
        grant select (victim_id, person_id, case_id, source_file_id, k, exploitation, recruitment, services, office_mask,
                      destination_mask, report_date, day_key, origin, age_key, office, sex, stage, destination)
            on reporting.report_fact to gugus_reporting;
    end if;
end
$$;
