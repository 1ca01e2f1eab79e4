-- The files behind the reports of each month, per office (0: every office), made with the month
-- cells of a generation (org.gugus.reporting.MonthCells): the files of a period are those of its whole
-- months read from here and those of the reports of its partial first and last month, instead of
-- the distinct files of every report of the period.
create table reporting.month_file (
    generation     bigint   not null,
    office         smallint not null,
    month          integer  not null,  -- month key: day key >> 5
    source_file_id bigint   not null
);

create index month_file_months on reporting.month_file (generation, office, month);
