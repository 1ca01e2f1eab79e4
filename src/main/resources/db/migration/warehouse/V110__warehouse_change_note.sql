-- Issue 13: a first load's reports are read ahead of its persons (reporting's ReportsAhead), and the
-- rebuild that takes them first checks that the warehouse did not change since the read: by a mark of its
-- records and cases (their counts, the records' versions, the latest updates), taken before the read and
-- again at the check, each time one pass over the records (781 MB at a million, about a second of the
-- rebuild's critical path). A statement that writes records or cases now notes itself here (a statement
-- trigger without transition tables: nothing of the rows is kept, one row a statement), and the mark is
-- what is noted: the notes' count and the sum of their numbers, which any statement committed since moves,
-- also one that left the versions and latest updates as they were. A note holds its number only.
create table warehouse.change_note (
    id bigint generated always as identity
);

comment on table warehouse.change_note is
    'one row a statement that wrote warehouse.victim or warehouse.tppo_case: what the reports read ahead of a first load''s persons are checked against';

create function warehouse.note_change() returns trigger
    language plpgsql as $$
begin
    insert into warehouse.change_note default values;
    return null;
end
$$;

create trigger victim_change_noted after insert or update or delete or truncate on warehouse.victim
    for each statement execute function warehouse.note_change();
create trigger tppo_case_change_noted after insert or update or delete or truncate on warehouse.tppo_case
    for each statement execute function warehouse.note_change();
