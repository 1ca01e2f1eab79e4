-- Block keys are derived from victim records and rewritten by every resolution; a run over every
-- record copies about eight per record (8 million for a warehouse of 1,000,000), a 100,000-row load
-- 800,000. The foreign key checked each of them against warehouse.victim, one index probe per row.
-- The keys of a deleted record are now removed by one statement-level trigger instead (what the
-- cascade did), and inserts are not checked: the keys written are those of records just read.
-- A record deleted while a resolution is writing its keys (which the deleting transaction cannot
-- see) leaves keys that match nothing: candidates are read back from the warehouse, so they find
-- nothing, and the next run over every record rewrites the table.
alter table persons.block_key drop constraint block_key_victim_id_fkey;

create function persons.forget_block_keys() returns trigger language plpgsql as $$
begin
    delete from persons.block_key b using gone g where b.victim_id = g.id;
    return null;
end
$$;

create trigger victim_forgets_block_keys after delete on warehouse.victim
    referencing old table as gone for each statement execute function persons.forget_block_keys();
