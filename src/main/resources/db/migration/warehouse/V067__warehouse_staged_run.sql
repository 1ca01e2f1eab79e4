-- Issue 13: a re-delivery of 100,000 rows with 1 % changed staged 99,000 thin rows (rows repeating a
-- record's row cell for cell, not judged again), one row and two index entries each, which the
-- publish's plan and outcomes then read back one by one. Thin rows are now staged as runs: rows of
-- one chunk with consecutive ordinals and row numbers in one sheet, one row a run holding the records
-- they repeat and their row hashes (32 bytes a row, in row order). A row of a run is
-- (first_ordinal + i - 1, first_row_number + i - 1, victim_ids[i], row_hashes' i-th 32 bytes).
create table warehouse.staged_run (
    file_id          bigint   not null,
    first_ordinal    integer  not null,
    sheet            text     not null,
    first_row_number integer  not null,
    victim_ids       bigint[] not null,
    row_hashes       bytea    not null,
    primary key (file_id, first_ordinal)
);

comment on table warehouse.staged_run is
    'thin rows of a file being staged, as runs of consecutive rows: the records they repeat (warehouse.victim ids) and their row hashes, 32 bytes each';

-- thin rows staged before, one row each, become runs of one
insert into warehouse.staged_run (file_id, first_ordinal, sheet, first_row_number, victim_ids, row_hashes)
select file_id, ordinal, sheet, row_number, array[known_victim_id], row_hash
  from warehouse.staged_row
 where known_victim_id is not null;

delete from warehouse.staged_row where known_victim_id is not null;

drop index warehouse.staged_row_repeating;
