-- gugus_reporting: a role without login for coordinators' own tools (Excel, Metabase, Superset),
-- which may read the reporting schema and nothing else; a person gets a login in it with
--   create role dina login password '...' in role gugus_reporting;
-- Made here only when the migrating user may make roles (superuser or CREATEROLE); otherwise an
-- administrator runs the same statements (docs/national-reporting.md), and the migration goes on.
do $$
declare
    may_create boolean;
begin
    select rolsuper or rolcreaterole into may_create from pg_roles where rolname = current_user;
    if not may_create then
        raise notice 'gugus_reporting not created: % may not create roles (see docs/national-reporting.md)', current_user;
        return;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'gugus_reporting') then
        begin
            create role gugus_reporting nologin;
        exception when duplicate_object or unique_violation then
            null;  -- made at the same moment by another database of the same server
        end;
    end if;
    execute format('grant connect on database %I to gugus_reporting', current_database());
    grant usage on schema reporting to gugus_reporting;
    grant select on all tables in schema reporting to gugus_reporting;
    alter default privileges in schema reporting grant select on tables to gugus_reporting;
    -- the report facts without the birth date (kept only to compute ages)
    revoke select on reporting.report from gugus_reporting;
    grant select (victim_id, person_id, office_code, case_id, case_number, report_date, sex, birth_year, age,
                  age_at_report, origin_regency_code, origin_province_code, citizenship, citizenship_country,
                  destination_country, case_stage, exploitation, recruitment, services, source_file_id)
        on reporting.report to gugus_reporting;
end
$$;
