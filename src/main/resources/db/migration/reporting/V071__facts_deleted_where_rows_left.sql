-- A refresh's per-person and per-case facts: the rows of persons (of an office) or cases (of an office)
-- without report facts are looked for only among those that a report fact may have left (org.gugus.reporting
-- .NewReports.replace: a row deleted, or moved to another person, case or office). A re-delivery whose rows
-- changed a case's stage left none, yet the four deletes of V070 probed every person and case rewritten
-- (about a third of its facts' time, deleting nothing). The one-argument forms keep V070's behaviour: every
-- person or case given may have been left.

create function reporting.write_person_facts(persons bigint[], vacated bigint[]) returns void
    language plpgsql as $$
begin
    if cardinality(vacated) > 0 then
        delete from reporting.person_fact p
         where p.person_id = any(vacated)
           and p.person_id not in (select f.person_id from reporting.report_fact f where f.person_id = any(vacated));
        delete from reporting.office_person_fact p
         where p.person_id = any(vacated)
           and (p.person_id, p.office) not in (select f.person_id, f.office from reporting.report_fact f
                                                where f.person_id = any(vacated));
    end if;
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

create or replace function reporting.write_person_facts(persons bigint[]) returns void
    language plpgsql as $$
begin
    perform reporting.write_person_facts(persons, persons);
end
$$;

create function reporting.write_case_facts(cases bigint[], vacated bigint[]) returns void
    language plpgsql as $$
begin
    if cardinality(vacated) > 0 then
        delete from reporting.case_fact c
         where c.case_id = any(vacated)
           and c.case_id not in (select f.case_id from reporting.report_fact f where f.case_id = any(vacated));
        delete from reporting.office_case_fact c
         where c.case_id = any(vacated)
           and (c.case_id, c.office) not in (select f.case_id, f.office from reporting.report_fact f
                                              where f.case_id = any(vacated));
    end if;
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

create or replace function reporting.write_case_facts(cases bigint[]) returns void
    language plpgsql as $$
begin
    perform reporting.write_case_facts(cases, cases);
end
$$;
