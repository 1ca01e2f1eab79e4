-- Issue 13: a re-delivery stages most of its rows thin, and each thin row went into two indexes of
-- warehouse.staged_row: its primary key (file_id, ordinal) and this partial one. The statements that
-- look for a file's thin rows read the file's staged rows by the primary key anyway (the stale rows'
-- check, the plan's winners), so the second index only cost an entry per thin row.
drop index warehouse.staged_row_repeating;
