-- Issue 13: a re-delivery's thin rows are staged as runs of a few thousand rows (warehouse.staged_run),
-- each run's record ids and row hashes one value of some 40 and 160 KB. Kept compressible, the server
-- tried to compress both on every run it took: about a quarter of a second of a re-delivery's 20 runs
-- for the record ids (replayed on a bench warehouse), where the hashes do not compress at all. A
-- staged run lives until its file is published; kept out of line without compression, it is written
-- and read as it is.
alter table warehouse.staged_run
    alter column victim_ids set storage external,
    alter column row_hashes set storage external;
