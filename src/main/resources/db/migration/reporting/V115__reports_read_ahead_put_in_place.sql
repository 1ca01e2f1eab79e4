-- A first load's reports read ahead of its persons are put in place rather than copied again
-- (org.gugus.reporting.ReportsAhead, ReportsInPlace): each read writes them into tables it creates,
-- defined as the reporting tables are, each report with the person its record is expected to have
-- (her own, as a new person is numbered by her first record, or the one linked already); the rebuild
-- corrects the few that differ, gives the tables their keys, indexes, triggers and grants, and renames
-- them over the reporting tables. V076's unlogged scratch tables are no longer used.
drop table if exists reporting.report_ahead, reporting.report_fact_ahead, reporting.case_fact_ahead,
    reporting.office_case_fact_ahead;

-- The report facts written in report-date order when by_date, as a cluster on their date index would
-- leave them: a read ahead writes them so, and the rebuild puts them in place as they are. Otherwise V073's.
drop function reporting.report_facts_into(regclass, regclass);

create function reporting.report_facts_into(reports regclass, target regclass, by_date boolean default false)
    returns void
    language plpgsql as $$
declare
    sexes              text[];
    offices            text[];
    regions            text[];
    countries          text[];
    exploitations      text[];
    recruitments       text[];
    services_given     text[];
    exploitation_codes text[];
    recruitment_codes  text[];
    service_codes      text[];
begin
    execute format($codes$
        with d as materialized (select distinct sex, office_code, origin_regency_code, destination_country, exploitation,
                                       recruitment, services
                                  from %s)
        select array(select distinct sex::text from d), array(select distinct office_code::text from d),
               array(select distinct origin_regency_code::text from d), array(select distinct destination_country::text from d),
               array(select distinct c from d, unnest(exploitation) c), array(select distinct c from d, unnest(recruitment) c),
               array(select distinct c from d, unnest(services) c)
        $codes$, reports)
        into sexes, offices, regions, countries, exploitations, recruitments, services_given;
    perform reporting.add_codes('sex', sexes);
    perform reporting.add_codes('office', offices);
    perform reporting.add_codes('region', regions);
    perform reporting.add_codes('country', countries);
    perform reporting.add_codes('exploitation', exploitations);
    perform reporting.add_codes('recruitment', recruitments);
    perform reporting.add_codes('services', services_given);
    exploitation_codes := array(select code from reporting.code_id where vocabulary = 'exploitation' order by id);
    recruitment_codes := array(select code from reporting.code_id where vocabulary = 'recruitment' order by id);
    service_codes := array(select code from reporting.code_id where vocabulary = 'services' order by id);
    -- the masks of each distinct code array once, from one pass over the distinct triples of arrays; the mask
    -- tables materialized, or each mask's subquery is pulled up into the insert and run for every row
    execute format($insert$
        with d as materialized (select distinct exploitation, recruitment, services from %1$s),
             ex as materialized (select codes, (select coalesce(bit_or(1::bigint << (array_position($1, c) - 1)), 0) from unnest(codes) c) mask
                      from (select distinct exploitation codes from d) x),
             re as materialized (select codes, (select coalesce(bit_or(1::bigint << (array_position($2, c) - 1)), 0) from unnest(codes) c) mask
                      from (select distinct recruitment codes from d) x),
             se as materialized (select codes, (select coalesce(bit_or(1::bigint << (array_position($3, c) - 1)), 0) from unnest(codes) c) mask
                      from (select distinct services codes from d) x)
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
        %3$s
        $insert$, reports, target, case when by_date then 'order by a.report_date' else '' end)
        using exploitation_codes, recruitment_codes, service_codes;
end
$$;

-- The fact rows' trigger functions compare a changed fact with its old row without V058's
-- reporting.fact_without_file, whose argument of the row type of reporting.report_fact kept the table from being
-- dropped and replaced by the facts read ahead.
create or replace function reporting.person_facts() returns trigger
    language plpgsql as $$
declare
    persons bigint[];
begin
    if tg_op = 'INSERT' then
        persons := array(select distinct person_id from added);
    elsif tg_op = 'DELETE' then
        persons := array(select distinct person_id from removed);
    else
        -- the persons of fact rows changed in more than their file
        persons := array(select unnest(array[a.person_id, r.person_id])
                         from added a full join removed r using (victim_id)
                        where row(a.victim_id, a.person_id, a.case_id, a.k, a.exploitation, a.recruitment,
                                  a.services, a.office_mask, a.destination_mask, a.report_date, a.day_key,
                                  a.origin, a.birth, a.age_key, a.office, a.sex, a.stage, a.destination)
                              is distinct from
                              row(r.victim_id, r.person_id, r.case_id, r.k, r.exploitation, r.recruitment, r.services,
                                  r.office_mask, r.destination_mask, r.report_date, r.day_key,
                                  r.origin, r.birth, r.age_key, r.office, r.sex, r.stage, r.destination));
        persons := array_remove(array(select distinct unnest(persons)), null);
    end if;
    if cardinality(persons) > 0 then
        perform reporting.write_person_facts(persons);
    end if;
    return null;
end
$$;

create or replace function reporting.case_facts() returns trigger
    language plpgsql as $$
declare
    cases bigint[];
begin
    if tg_op = 'INSERT' then
        cases := array(select distinct case_id from added);
    elsif tg_op = 'DELETE' then
        cases := array(select distinct case_id from removed);
    else
        -- the cases of fact rows changed in more than their file
        cases := array(select unnest(array[a.case_id, r.case_id])
                         from added a full join removed r using (victim_id)
                        where row(a.victim_id, a.person_id, a.case_id, a.k, a.exploitation, a.recruitment,
                                  a.services, a.office_mask, a.destination_mask, a.report_date, a.day_key,
                                  a.origin, a.birth, a.age_key, a.office, a.sex, a.stage, a.destination)
                              is distinct from
                              row(r.victim_id, r.person_id, r.case_id, r.k, r.exploitation, r.recruitment, r.services,
                                  r.office_mask, r.destination_mask, r.report_date, r.day_key,
                                  r.origin, r.birth, r.age_key, r.office, r.sex, r.stage, r.destination));
        cases := array_remove(array(select distinct unnest(cases)), null);
    end if;
    if cardinality(cases) > 0 then
        perform reporting.write_case_facts(cases);
    end if;
    return null;
end
$$;

drop function reporting.fact_without_file(reporting.report_fact);
