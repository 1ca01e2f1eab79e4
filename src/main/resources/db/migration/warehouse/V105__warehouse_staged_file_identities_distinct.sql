-- Issue 13: an office's first delivery ranked its rows by identity before its publish (the last valid row of
-- each identity wins): a sort of a million staged rows into a table of their own, and its index, 4 s of a
-- million-row publish, to find as a rule that no identity repeats. The stage step sees every row's identity
-- as it stages it; when it saw every valid row of the file, from the first, and no two of them share an
-- identity, it says so here, and the publish takes every valid row as its identity's winner. Anything less
-- sure (a restarted stage, a hash shared by two identities) leaves it false: the publish then ranks as before.
alter table warehouse.staged_file add column identities_distinct boolean not null default false;

comment on column warehouse.staged_file.identities_distinct is
    'the stage step saw every valid row of the file and no identity among them twice: each is its identity''s winner';
