-- Issue 13: a re-delivered file repeats most of its rows unchanged, and every row loaded without a
-- finding had a row of its own in warehouse.row_outcome (100,000 rows for a 100,000-row file). Such
-- rows are now kept as runs: consecutive data rows of one sheet, consecutive row numbers too, each
-- loaded (DITERIMA) without a finding. The ordinals first_ordinal..last_ordinal are the rows
-- first_row_number..first_row_number + (last_ordinal - first_ordinal) of the sheet. Rejected rows,
-- duplicates and rows with warnings keep their own row in warehouse.row_outcome, as do all rows of
-- files loaded before this migration. Where the rows are, never a value of a row.
create table warehouse.row_outcome_run (
    file_id          bigint  not null,
    first_ordinal    integer not null,
    last_ordinal     integer not null,
    sheet            text    not null,
    first_row_number integer not null,
    primary key (file_id, first_ordinal),
    constraint row_outcome_run_order check (last_ordinal >= first_ordinal)
);

comment on table warehouse.row_outcome_run is
    'runs of consecutive data rows of a loaded file that were loaded without a finding (status DITERIMA)';
