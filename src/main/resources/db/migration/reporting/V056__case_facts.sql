-- Per-case facts: the first and last report day of every case (and of every office's reports of a
-- case), kept by statement triggers on reporting.report_fact like the per-person facts (V054). A
-- period's cases are those of its whole months summed from the month cells (V055, indicator
-- 'cases'), those inside it in its partial first and last month read by two index ranges here, and
-- those straddling an edge told from these days (a look-up of their reports only for a case that
-- holds both edges), instead of counting the distinct cases of every report of the period.

create table reporting.case_fact (
    case_id   bigint  primary key,
    first_day integer not null,  -- day key of its earliest report
    last_day  integer not null   -- day key of its latest report
);

create table reporting.office_case_fact (
    office    smallint not null,
    case_id   bigint   not null,
    first_day integer  not null,
    last_day  integer  not null,
    primary key (case_id, office)
);

create index case_fact_days on reporting.case_fact (first_day, last_day);
create index case_fact_last on reporting.case_fact (last_day);
create index office_case_fact_days on reporting.office_case_fact (office, first_day, last_day);
create index office_case_fact_last on reporting.office_case_fact (office, last_day);
-- the cases straddling an edge (only cases with reports on two days or more can): the ranges of days
-- that hold the edge's day
create index case_fact_span on reporting.case_fact using gist (int4range(first_day, last_day, '[]'))
    where first_day < last_day;
create index office_case_fact_span on reporting.office_case_fact using gist (int4range(first_day, last_day, '[]'))
    where first_day < last_day;
-- a case's report facts (the cases a refresh rewrites, the reports of a case holding both edges)
create index report_fact_case on reporting.report_fact (case_id, day_key);

-- rewrites the per-case facts of these cases from their report facts
create function reporting.write_case_facts(cases bigint[]) returns void
    language plpgsql as $$
begin
    delete from reporting.case_fact where case_id = any(cases);
    delete from reporting.office_case_fact where case_id = any(cases);
    insert into reporting.case_fact (case_id, first_day, last_day)
    select case_id, min(day_key), max(day_key) from reporting.report_fact where case_id = any(cases) group by case_id;
    insert into reporting.office_case_fact (office, case_id, first_day, last_day)
    select office, case_id, min(day_key), max(day_key) from reporting.report_fact where case_id = any(cases)
     group by office, case_id;
end
$$;

create function reporting.case_facts() returns trigger
    language plpgsql as $$
declare
    cases bigint[];
begin
    if tg_op = 'INSERT' then
        cases := array(select distinct case_id from added);
    elsif tg_op = 'DELETE' then
        cases := array(select distinct case_id from removed);
    else
        cases := array(select case_id from added union select case_id from removed);
    end if;
    perform reporting.write_case_facts(cases);
    return null;
end
$$;

create function reporting.case_facts_truncated() returns trigger
    language plpgsql as $$
begin
    truncate reporting.case_fact, reporting.office_case_fact;
    return null;
end
$$;

create trigger case_facts_added after insert on reporting.report_fact
    referencing new table as added for each statement execute function reporting.case_facts();
create trigger case_facts_changed after update on reporting.report_fact
    referencing old table as removed new table as added for each statement execute function reporting.case_facts();
create trigger case_facts_removed after delete on reporting.report_fact
    referencing old table as removed for each statement execute function reporting.case_facts();
create trigger case_facts_truncated after truncate on reporting.report_fact
    for each statement execute function reporting.case_facts_truncated();

-- the facts of the cases already there
select reporting.write_case_facts(array(select distinct case_id from reporting.report_fact));

-- month cells made before hold no cases or reports: made again for the next generation
delete from reporting.month_cells_made;
delete from reporting.month_cell;

do $$
begin
    if exists (select 1 from pg_roles where rolname = 'gugus_reporting') then
        grant select on reporting.case_fact, reporting.office_case_fact to gugus_reporting;
    end if;
end
$$;
