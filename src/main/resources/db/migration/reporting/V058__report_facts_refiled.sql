-- A record delivered again in a later file with the values it had changes only the file behind its
-- report (reporting.report.source_file_id): its fact row is updated in place, and the per-person and
-- per-case facts are rewritten only for fact rows that changed in more than their file. A refresh
-- updates such rows' file alone (org.gugus.reporting.ReportingRefresh), so a re-delivery whose
-- changes no report reads costs an update of one column per record, not a rewrite of its person.

create or replace function reporting.report_facts() returns trigger
    language plpgsql as $$
declare
    exploitation_codes text[];
    recruitment_codes  text[];
    service_codes      text[];
    refiled            bigint[] := '{}';
begin
    if tg_op = 'UPDATE' then
        -- rows equal but for their file keep their fact row, with the new file
        refiled := array(select victim_id from (
            select victim_id, person_id, office_code, case_id, case_number, report_date, sex, birth_date, birth_year, age,
                   age_at_report, origin_regency_code, origin_province_code, citizenship, citizenship_country,
                   destination_country, case_stage, exploitation, recruitment, services from added
            intersect
            select victim_id, person_id, office_code, case_id, case_number, report_date, sex, birth_date, birth_year, age,
                   age_at_report, origin_regency_code, origin_province_code, citizenship, citizenship_country,
                   destination_country, case_stage, exploitation, recruitment, services from removed) same);
        update reporting.report_fact f set source_file_id = a.source_file_id
          from added a
         where a.victim_id = any(refiled) and f.victim_id = a.victim_id and f.source_file_id is distinct from a.source_file_id;
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
        delete from reporting.report_fact f using removed r where f.victim_id = r.victim_id and not r.victim_id = any(refiled);
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
          left join reporting.code_id country on country.vocabulary = 'country' and country.code = a.destination_country::text
         where not a.victim_id = any(refiled);
    end if;
    return null;
end
$$;

-- a fact row without its file
create function reporting.fact_without_file(f reporting.report_fact) returns text
    language sql stable parallel safe as $$
    select row(f.victim_id, f.person_id, f.case_id, f.k, f.exploitation, f.recruitment, f.services, f.office_mask,
               f.destination_mask, f.report_date, f.day_key, f.origin, f.birth, f.age_key, f.office, f.sex, f.stage,
               f.destination)::text
$$;

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
        persons := array(select a.person_id from added a full join removed r using (victim_id)
                          where reporting.fact_without_file(a) is distinct from reporting.fact_without_file(r)
                         union
                         select r.person_id from added a full join removed r using (victim_id)
                          where reporting.fact_without_file(a) is distinct from reporting.fact_without_file(r));
        persons := array_remove(persons, null);
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
        cases := array(select a.case_id from added a full join removed r using (victim_id)
                        where reporting.fact_without_file(a) is distinct from reporting.fact_without_file(r)
                       union
                       select r.case_id from added a full join removed r using (victim_id)
                        where reporting.fact_without_file(a) is distinct from reporting.fact_without_file(r));
        cases := array_remove(cases, null);
    end if;
    if cardinality(cases) > 0 then
        perform reporting.write_case_facts(cases);
    end if;
    return null;
end
$$;
