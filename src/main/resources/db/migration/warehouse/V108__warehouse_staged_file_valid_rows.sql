-- Issue 13: a first delivery's records are prepared for persons while the file is published, and how
-- they are prepared (in memory, on disk, not at all) is chosen by how many valid rows the file staged:
-- a count of the staged rows, which scanned them all beside the publish (0.32 s of a 100,000-row
-- file's, every staged row's page read). The stage step counts them as it stages them, when it saw
-- every row from the file's first (as it tells identities_distinct, V105), and notes the count here;
-- null when it could not (a restarted stage), and they are counted as before.
alter table warehouse.staged_file add column valid_rows bigint;

comment on column warehouse.staged_file.valid_rows is
    'the file''s rows staged and not rejected, as the stage step counted them having seen every row; null when it did not';
