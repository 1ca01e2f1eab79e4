-- The per-person cells of the persons whose reports all lie within whole months, counted ahead per
-- office (0: every office) and the months of their first and last report (month keys: day key >> 5):
-- a period's persons of its whole months are the sum of these cells (org.gugus.reporting.MonthCells).
-- Made once per generation of the reporting schema (by a rebuild, and in the background after every
-- refresh); a period asked before they are made counts those persons from the per-person facts.
-- No person id is kept.
create table reporting.month_cell (
    generation  bigint   not null,
    office      smallint not null,
    first_month integer  not null,
    last_month  integer  not null,
    indicator   text     not null,
    id          integer  not null,
    n           bigint   not null
);

create index month_cell_months on reporting.month_cell (generation, office, first_month, last_month);

-- the generations whose month cells are made
create table reporting.month_cells_made (
    generation bigint primary key
);

-- the persons inside a period whose last report is in its partial last month
create index person_fact_last on reporting.person_fact (last_day);
create index office_person_fact_last on reporting.office_person_fact (office, last_day);
