-- Block keys grouped by key: a row a key (its hash and the records holding it) and a row a record (its key hashes),
-- in place of a row a key and record. A warehouse of 1,000,000 records holds about 8 million of those, with two
-- indexes of 8 million entries each: built after a first load, they took 11.7 s of the server's 13.9 s for the keys
-- (issue 13). The same keys make about 1.2 million blocks (most held by one record) and 1,000,000 rows of keys, each
-- table with one index on its primary key. A candidate search reads a block's row instead of its index entries; the
-- keys a record held are found by its row, to take it off their blocks.
create table persons.block (
    key_hash bigint   primary key,
    victims  bigint[] not null
);

create table persons.victim_block (
    victim_id bigint   primary key,
    keys      bigint[] not null
);

-- No statistics of the arrays: no plan reads them, and sampling them took an ANALYZE of a first load's 150,000 blocks
-- from 0.11 s to 0.45 s. The tables a first load writes beside its run set the same ("like" does not copy it).
alter table persons.block alter column victims set statistics 0;
alter table persons.victim_block alter column keys set statistics 0;

insert into persons.block (key_hash, victims)
select key_hash, array_agg(victim_id order by victim_id) from persons.block_key group by key_hash;

insert into persons.victim_block (victim_id, keys)
select victim_id, array_agg(key_hash order by key_hash) from persons.block_key group by victim_id;

drop trigger victim_forgets_block_keys on warehouse.victim;
drop function persons.forget_block_keys();
drop table persons.block_key;
drop table if exists persons.block_key_next; -- a failed first load's, left beside

-- Takes records off the blocks of keys (each key_hashes[i] off victim_ids[i]); a block left without a record is
-- deleted. Each block's records are worked out from its row as it is when updated: a resolution that added records to
-- it meanwhile (a record deleted from the warehouse while a run writes its keys) keeps them.
create function persons.unblock(key_hashes bigint[], victim_ids bigint[]) returns void language sql as $$
    update persons.block b set victims = array(select v from unnest(b.victims) v where v <> all (l.victims))
      from (select key_hash, array_agg(victim_id) victims
              from unnest(key_hashes, victim_ids) u (key_hash, victim_id)
             group by key_hash) l
     where b.key_hash = l.key_hash;
    delete from persons.block b where b.key_hash = any (key_hashes) and cardinality(b.victims) = 0;
$$;

-- Forgets the block keys of records: their rows of keys deleted, they taken off those keys' blocks.
create function persons.forget_block_keys_of(victim_ids bigint[]) returns void language plpgsql as $$
declare
    key_hashes bigint[];
    holders    bigint[];
begin
    with forgotten as (
        delete from persons.victim_block v where v.victim_id = any (victim_ids) returning v.victim_id, v.keys)
    select array_agg(k.key_hash), array_agg(f.victim_id) into key_hashes, holders
      from forgotten f cross join lateral unnest(f.keys) k (key_hash);
    if key_hashes is not null then
        perform persons.unblock(key_hashes, holders);
    end if;
end
$$;

-- As before (V045): the keys of a deleted record are forgotten by one statement-level trigger.
create function persons.forget_block_keys() returns trigger language plpgsql as $$
begin
    perform persons.forget_block_keys_of(array(select id from gone));
    return null;
end
$$;

create trigger victim_forgets_block_keys after delete on warehouse.victim
    referencing old table as gone for each statement execute function persons.forget_block_keys();
