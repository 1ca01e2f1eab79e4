-- The facts of many new reports written in one pass (org.gugus.reporting.NewReports). A refresh that
-- copies the reports of many persons none of whose rows were copied before (a first load, a large
-- load) writes reporting.report with the fact triggers of V053, V054, V056 and V058 disabled for its
-- transaction, then the report facts of the same rows with this function, then the per-person and
-- per-case facts once (reporting.write_person_facts, reporting.write_case_facts): the triggers would
-- keep every row in transition tables and write the per-person and per-case facts from them. The
-- rows written are those the insert trigger writes (V058 without its refiled rows, which an insert
-- has none of).

-- writes the fact rows of the report rows in the given table (of reporting.report's columns)
create function reporting.add_report_facts(reports regclass) returns void
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
        insert into reporting.report_fact (victim_id, person_id, case_id, source_file_id, k, exploitation, recruitment,
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
        $insert$, reports) using exploitation_codes, recruitment_codes, service_codes;
end
$$;

-- writes the per-person and per-case facts of every report fact (V054, V056) into their emptied tables
-- (a rebuild): the aggregates of reporting.write_person_facts and reporting.write_case_facts without
-- their filter on an array of every person and case
create function reporting.write_all_person_and_case_facts() returns void
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
    insert into reporting.case_fact (case_id, first_day, last_day)
    select case_id, min(day_key), max(day_key) from reporting.report_fact group by case_id;
    insert into reporting.office_case_fact (office, case_id, first_day, last_day)
    select office, case_id, min(day_key), max(day_key) from reporting.report_fact group by office, case_id;
end
$$;
