-- Issue 13: a file's staged rows were deleted row by row when it was published (or discarded), each
-- deleted row's page read again, dirtied and logged, and every dead row vacuumed later, while the
-- persons run and the reporting rebuild had the server: 17 s of a million-row first load's publish on a
-- shared machine, about 0.3 s of server CPU at 100,000 rows with the vacuum after it. When no other
-- file is staged (a first load, as a rule), the staging table is emptied whole instead, which writes
-- nothing per row and leaves nothing to vacuum. Truncating takes the table exclusively until the
-- transaction ends: tried without waiting, and only when no other session uses the table at that
-- moment (another file being staged, published or read ahead); otherwise the rows are deleted as before.
create function warehouse.unstage_rows(file bigint) returns void
    language plpgsql as $$
begin
    lock table warehouse.staged_row in access exclusive mode nowait;
    -- two probes of the key's ends, not a scan of the file's own rows
    if exists (select 1 from warehouse.staged_row where file_id < file)
       or exists (select 1 from warehouse.staged_row where file_id > file) then
        delete from warehouse.staged_row where file_id = file;
    else
        truncate warehouse.staged_row;
    end if;
exception
    when lock_not_available or insufficient_privilege then
        delete from warehouse.staged_row where file_id = file;
end
$$;

comment on function warehouse.unstage_rows(bigint) is
    'deletes a file''s staged rows; empties the staging table whole when no other file is staged and no other session uses it';
