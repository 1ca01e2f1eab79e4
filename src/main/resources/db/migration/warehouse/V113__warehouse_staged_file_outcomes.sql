-- Issue 13: a first delivery's row outcomes (each row rejected or loaded with warnings on its own, the rows
-- loaded without one in runs) were worked out beside its publish by reading every staged row again: 0.5 s of
-- the server at 100,000 rows, 5.8 s at a million, with both cores busy. The stage step tells them as it
-- stages the rows, when it saw every row from the file's first and no identity repeats among the valid ones
-- (identities_distinct, V105: no row is a duplicate), and notes them here, at most 20,000; null otherwise,
-- and they are worked out from the staged rows as before.
alter table warehouse.staged_file add column outcomes jsonb;

comment on column warehouse.staged_file.outcomes is
    'the rows with an outcome of their own and the runs of rows loaded, as the stage step told them; null when it did not';
