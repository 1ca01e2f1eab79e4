-- A merge repoints the persons already merged into the absorbed one (PersonStore.merge:
-- `update persons.person set merged_into = ? where merged_into = ?`). Without an index each merge
-- read the whole table: a run over a million records after an incremental load makes some 2,000
-- merges, and its "store persons" took 73 to 146 s instead of 8 to 16 s.
create index person_merged_into on persons.person (merged_into) where merged_into is not null;
