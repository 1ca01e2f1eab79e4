-- Scratch for a first load's reports read ahead of its persons (org.gugus.reporting.ReportsAhead):
-- regular tables, so that a second connection can write the person rows and facts from them while
-- the rebuild copies the reports, where temporary tables were seen by their own connection only.
-- Unlogged (no WAL; emptied by a crash) and never vacuumed or analysed by the server itself: their
-- rows are scratch of one read, emptied at the next read or when taken, and one process uses them at
-- a time (a session advisory lock, taken before they are emptied). The read-only role reads none.
create unlogged table reporting.report_ahead (like reporting.report) with (autovacuum_enabled = false);
create unlogged table reporting.report_fact_ahead (like reporting.report_fact) with (autovacuum_enabled = false);
create unlogged table reporting.case_fact_ahead (like reporting.case_fact) with (autovacuum_enabled = false);
create unlogged table reporting.office_case_fact_ahead (like reporting.office_case_fact)
    with (autovacuum_enabled = false);

revoke all on reporting.report_ahead, reporting.report_fact_ahead, reporting.case_fact_ahead,
    reporting.office_case_fact_ahead from public;

do $$
begin
    if exists (select 1 from pg_roles where rolname = 'gugus_reporting') then
        revoke all on reporting.report_ahead, reporting.report_fact_ahead, reporting.case_fact_ahead,
            reporting.office_case_fact_ahead from gugus_reporting;
    end if;
end
$$;
