-- Issue 13: the persons' preparation beside a first delivery's publish gives each row its case's report date, that
-- of the case's last row in the file: read beside a million-row publish, a window over the staged rows by case,
-- sorted through 261 MB of temporary files (7.4 s of the server, its two cores busy with the publish). As a rule
-- the rows of a case give one date. The stage step sees every row's case and date as it stages it; when it saw
-- every valid row of the file, from the first, and no case with two dates, it says so here, and the rows are read
-- unsorted, each with its own date. Anything less sure (a restarted stage, a hash shared by two cases, a row staged
-- again) leaves it false: the rows are then read through the window as before.
alter table warehouse.staged_file add column case_dates_agree boolean not null default false;

comment on column warehouse.staged_file.case_dates_agree is
    'the stage step saw every valid row of the file and no case among them with two report dates';
