-- Issue 13: the records' unique key on (office_code, identity_key) was a third to a half of the CPU of an
-- office's first delivery's insert, every entry put into one B-tree of all offices' records as it came
-- (publish21: 0.4-0.8 s of server CPU at 100,000 records, 6-13 s at a million). The key is now one partial
-- unique index per office, named victim_identity_ and the office's code with '_' for '.', so that a first
-- delivery inserts its office's records without one and builds its office's index after them, in its own
-- transaction (OfficeIdentityIndex). Every office holding records gets its index here before the old key
-- goes: uniqueness never lapses.
do $$
declare
    office text;
begin
    -- the offices read whole first: an index cannot be created while a loop's query still reads the table
    foreach office in array (select coalesce(array_agg(distinct office_code::text), '{}') from warehouse.victim) loop
        execute format('create unique index %I on warehouse.victim (identity_key) where office_code = %L',
                       'victim_identity_' || replace(office, '.', '_'), office);
    end loop;
end
$$;

alter table warehouse.victim drop constraint victim_office_code_identity_key_key;
