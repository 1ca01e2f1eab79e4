-- A re-delivery's changed reporting rows are rewritten in place (org.gugus.reporting.NewReports.replace,
-- ReportingRefresh): each row is updated only when its values differ, instead of deleted and inserted
-- again with every index entry of both. The tables a refresh updates keep a tenth of each page free, so
-- most updates stay on their page (no new index entry when no indexed column changes). A rebuild
-- writes them afresh with that room.

alter table reporting.report set (fillfactor = 90);
alter table reporting.report_fact set (fillfactor = 90);
alter table reporting.person set (fillfactor = 90);
alter table reporting.person_fact set (fillfactor = 90);
alter table reporting.office_person_fact set (fillfactor = 90);

-- the per-person facts of these persons from their report facts: rows that differ updated in place,
-- rows of persons (or of their offices) without report facts deleted; the same rows as V054's delete
-- and insert. "not in" the report facts of these persons, not "not exists": as an anti-join the
-- planner read every report fact of the schema for a few thousand persons.
create or replace function reporting.write_person_facts(persons bigint[]) returns void
    language plpgsql as $$
begin
    delete from reporting.person_fact p
     where p.person_id = any(persons)
       and p.person_id not in (select f.person_id from reporting.report_fact f where f.person_id = any(persons));
    delete from reporting.office_person_fact p
     where p.person_id = any(persons)
       and (p.person_id, p.office) not in (select f.person_id, f.office from reporting.report_fact f
                                            where f.person_id = any(persons));
    insert into reporting.person_fact as t (person_id, first_day, last_day, sex, origin, age_key, birth, stage,
           multi_office, re_trafficked, exploitation, recruitment, services, office_mask, destination_mask)
    select person_id, min(day_key), max(day_key),
           (max(k | sex) & 131071)::integer,
           (max(k | origin) filter (where origin is not null) & 131071)::integer,
           (min(k | age_key) & 131071)::integer,
           (min(k | birth) filter (where birth is not null) & 131071)::integer,
           max(stage), min(office) <> max(office), min(case_id) <> max(case_id),
           bit_or(exploitation), bit_or(recruitment), bit_or(services), bit_or(office_mask), bit_or(destination_mask)
      from reporting.report_fact
     where person_id = any(persons)
     group by person_id
    on conflict (person_id) do update
       set (first_day, last_day, sex, origin, age_key, birth, stage, multi_office, re_trafficked, exploitation,
            recruitment, services, office_mask, destination_mask)
         = (excluded.first_day, excluded.last_day, excluded.sex, excluded.origin, excluded.age_key, excluded.birth,
            excluded.stage, excluded.multi_office, excluded.re_trafficked, excluded.exploitation, excluded.recruitment,
            excluded.services, excluded.office_mask, excluded.destination_mask)
     where (t.first_day, t.last_day, t.sex, t.origin, t.age_key, t.birth, t.stage, t.multi_office, t.re_trafficked,
            t.exploitation, t.recruitment, t.services, t.office_mask, t.destination_mask)
           is distinct from
           (excluded.first_day, excluded.last_day, excluded.sex, excluded.origin, excluded.age_key, excluded.birth,
            excluded.stage, excluded.multi_office, excluded.re_trafficked, excluded.exploitation, excluded.recruitment,
            excluded.services, excluded.office_mask, excluded.destination_mask);
    insert into reporting.office_person_fact as t (office, person_id, first_day, last_day, sex, origin, age_key, birth,
           stage, multi_office, re_trafficked, exploitation, recruitment, services, office_mask, destination_mask)
    select office, person_id, min(day_key), max(day_key),
           (max(k | sex) & 131071)::integer,
           (max(k | origin) filter (where origin is not null) & 131071)::integer,
           (min(k | age_key) & 131071)::integer,
           (min(k | birth) filter (where birth is not null) & 131071)::integer,
           max(stage), false, min(case_id) <> max(case_id),
           bit_or(exploitation), bit_or(recruitment), bit_or(services), bit_or(office_mask), bit_or(destination_mask)
      from reporting.report_fact
     where person_id = any(persons)
     group by office, person_id
    on conflict (person_id, office) do update
       set (first_day, last_day, sex, origin, age_key, birth, stage, multi_office, re_trafficked, exploitation,
            recruitment, services, office_mask, destination_mask)
         = (excluded.first_day, excluded.last_day, excluded.sex, excluded.origin, excluded.age_key, excluded.birth,
            excluded.stage, excluded.multi_office, excluded.re_trafficked, excluded.exploitation, excluded.recruitment,
            excluded.services, excluded.office_mask, excluded.destination_mask)
     where (t.first_day, t.last_day, t.sex, t.origin, t.age_key, t.birth, t.stage, t.multi_office, t.re_trafficked,
            t.exploitation, t.recruitment, t.services, t.office_mask, t.destination_mask)
           is distinct from
           (excluded.first_day, excluded.last_day, excluded.sex, excluded.origin, excluded.age_key, excluded.birth,
            excluded.stage, excluded.multi_office, excluded.re_trafficked, excluded.exploitation, excluded.recruitment,
            excluded.services, excluded.office_mask, excluded.destination_mask);
end
$$;

-- the case facts likewise
create or replace function reporting.write_case_facts(cases bigint[]) returns void
    language plpgsql as $$
begin
    delete from reporting.case_fact c
     where c.case_id = any(cases)
       and c.case_id not in (select f.case_id from reporting.report_fact f where f.case_id = any(cases));
    delete from reporting.office_case_fact c
     where c.case_id = any(cases)
       and (c.case_id, c.office) not in (select f.case_id, f.office from reporting.report_fact f where f.case_id = any(cases));
    insert into reporting.case_fact as t (case_id, first_day, last_day)
    select case_id, min(day_key), max(day_key) from reporting.report_fact where case_id = any(cases) group by case_id
    on conflict (case_id) do update set (first_day, last_day) = (excluded.first_day, excluded.last_day)
     where (t.first_day, t.last_day) is distinct from (excluded.first_day, excluded.last_day);
    insert into reporting.office_case_fact as t (office, case_id, first_day, last_day)
    select office, case_id, min(day_key), max(day_key) from reporting.report_fact where case_id = any(cases)
     group by office, case_id
    on conflict (case_id, office) do update set (first_day, last_day) = (excluded.first_day, excluded.last_day)
     where (t.first_day, t.last_day) is distinct from (excluded.first_day, excluded.last_day);
end
$$;

-- the fact rows of the report rows in the given table (of reporting.report's columns), written into
-- another table of reporting.report_fact's columns: a refresh compares them with the facts there and
-- updates those that differ in place (V059's add_report_facts inserts into reporting.report_fact)
create or replace function reporting.report_facts_into(reports regclass, target regclass) returns void
    language plpgsql as $$
declare
    exploitation_codes text[];
    recruitment_codes  text[];
    service_codes      text[];
begin
    execute format('select reporting.add_codes(''sex'', array(select distinct sex::text from %s))', reports);
    execute format('select reporting.add_codes(''office'', array(select distinct office_code::text from %s))', reports);
    execute format('select reporting.add_codes(''region'', array(select distinct origin_regency_code::text from %s))',
                   reports);
    execute format('select reporting.add_codes(''country'', array(select distinct destination_country::text from %s))',
                   reports);
    execute format('select reporting.add_codes(''exploitation'', array(select distinct c from %s, unnest(exploitation) c))',
                   reports);
    execute format('select reporting.add_codes(''recruitment'', array(select distinct c from %s, unnest(recruitment) c))',
                   reports);
    execute format('select reporting.add_codes(''services'', array(select distinct c from %s, unnest(services) c))',
                   reports);
    exploitation_codes := array(select code from reporting.code_id where vocabulary = 'exploitation' order by id);
    recruitment_codes := array(select code from reporting.code_id where vocabulary = 'recruitment' order by id);
    service_codes := array(select code from reporting.code_id where vocabulary = 'services' order by id);
    -- the masks of each distinct code array once (a load has a few hundred), not of every row; day keys
    -- by date_part, which gives reporting.day_key's integers without its numeric arithmetic
    execute format($insert$
        with ex as (select codes, (select coalesce(bit_or(1::bigint << (array_position($1, c) - 1)), 0) from unnest(codes) c) mask
                      from (select distinct exploitation codes from %1$s) d),
             re as (select codes, (select coalesce(bit_or(1::bigint << (array_position($2, c) - 1)), 0) from unnest(codes) c) mask
                      from (select distinct recruitment codes from %1$s) d),
             se as (select codes, (select coalesce(bit_or(1::bigint << (array_position($3, c) - 1)), 0) from unnest(codes) c) mask
                      from (select distinct services codes from %1$s) d)
        insert into %2$s (victim_id, person_id, case_id, source_file_id, k, exploitation, recruitment,
               services, office_mask, destination_mask, report_date, day_key, origin, birth, age_key, office, sex, stage,
               destination)
        select a.victim_id, a.person_id, a.case_id, a.source_file_id,
               ((a.report_date - date '1900-01-01')::bigint << 47) | ((a.victim_id & 1073741823) << 17),
               ex.mask, re.mask, se.mask,
               case when office.id <= 63 then 1::bigint << (office.id - 1) else 0 end,
               case when country.id <= 63 then 1::bigint << (country.id - 1) else 0 end,
               a.report_date,
               ((date_part('year', a.report_date)::integer - 1900) << 9) | (date_part('month', a.report_date)::integer << 5)
                   | date_part('day', a.report_date)::integer,
               region.id,
               case when a.birth_date between date '1900-01-01' and date '2155-12-31'
                    then ((date_part('year', a.birth_date)::integer - 1900) << 9) | (date_part('month', a.birth_date)::integer << 5)
                         | date_part('day', a.birth_date)::integer end,
               case when a.age is null then 0 else greatest(a.age, -32767) + 32768 end,
               office.id, coalesce(sex.id, 0), reporting.stage_rank(a.case_stage), country.id
          from %1$s a
          join ex on ex.codes = a.exploitation
          join re on re.codes = a.recruitment
          join se on se.codes = a.services
          join reporting.code_id office on office.vocabulary = 'office' and office.code = a.office_code
          left join reporting.code_id sex on sex.vocabulary = 'sex' and sex.code = a.sex::text
          left join reporting.code_id region on region.vocabulary = 'region' and region.code = a.origin_regency_code
          left join reporting.code_id country on country.vocabulary = 'country' and country.code = a.destination_country::text
        $insert$, reports, target) using exploitation_codes, recruitment_codes, service_codes;
end
$$;

create or replace function reporting.add_report_facts(reports regclass) returns void
    language plpgsql as $$
begin
    perform reporting.report_facts_into(reports, 'reporting.report_fact');
end
$$;
