-- Issue 13: an office's first delivery wrote a row hash for each of its records into the one table of
-- every office's row hashes (V065), each row with its entry in the table's key and both in the write-ahead
-- log: 3.6-4.5 s for a million records replayed, against 1.2 s for the same rows written into a table of
-- the transaction's own and 0.4 s for its key built after them. The row hashes are now kept in a table
-- per office, partitions of warehouse.victim_row_hash by office code, so that an office's first delivery
-- can write its table in its own transaction, build its key after the rows and attach it whole
-- (warehouse.OfficeRowHashes). Every statement still reads and writes warehouse.victim_row_hash and
-- names the office, as before; the server takes the office's partition.
--
-- There is no default partition: attaching one beside it would lock it against every reader until the
-- first delivery commits. A writer of an office without its partition makes it first
-- (warehouse.office_row_hashes below); a first delivery makes it with its rows.
--
-- Inserting a row hash no longer moves the office's generation (V066): a thin row is matched to a
-- record's hash that the stage step read, and that hash goes only by an update or a delete, which still
-- move it. An insert adds the hash of a record the stage step had no hash of (the key is the record), and
-- a first delivery's rows come into a partition of their own, which the trigger of the table does not see.
alter table warehouse.victim_row_hash rename to victim_row_hash_v065;
alter table warehouse.victim_row_hash_v065 rename constraint victim_row_hash_pkey to victim_row_hash_v065_pkey;

create table warehouse.victim_row_hash (
    office_code varchar(5) not null,
    victim_id   bigint     not null,
    prefix      bigint     not null,
    row_hash    bytea      not null,
    received_on date       not null,
    primary key (office_code, victim_id)
) partition by list (office_code);

comment on table warehouse.victim_row_hash is
    'the hash of the cells a victim record''s row was judged from without a finding, and the day that row was received; a partition per office';
comment on column warehouse.victim_row_hash.prefix is
    'the row hash''s first 8 bytes as a signed number, big-endian';

-- The name of an office's partition: victim_row_hash_64_72 for office 64.72.
create function warehouse.office_row_hashes_name(office varchar) returns text
    language sql immutable as $$
    select 'victim_row_hash_' || translate(office, '.', '_')
$$;

-- Makes the office's (empty) partition unless it has one; returns its name. Attaching takes a lock that
-- lets readers and writers of the other partitions go on, and waits for another attach.
create function warehouse.office_row_hashes(office varchar) returns text
    language plpgsql as $$
declare
    partition text := warehouse.office_row_hashes_name(office);
begin
    if to_regclass(format('warehouse.%I', partition)) is null then
        execute format('create table warehouse.%I (like warehouse.victim_row_hash including defaults,'
                       ' check (office_code = %L))', partition, office);
        execute format('alter table warehouse.victim_row_hash attach partition warehouse.%I for values in (%L)',
                       partition, office);
    end if;
    return partition;
end
$$;

select warehouse.office_row_hashes(office_code)
  from (select distinct office_code from warehouse.victim_row_hash_v065) offices;

insert into warehouse.victim_row_hash (office_code, victim_id, prefix, row_hash, received_on)
select office_code, victim_id, prefix, row_hash, received_on from warehouse.victim_row_hash_v065;

-- its triggers go with it
drop table warehouse.victim_row_hash_v065;

create trigger victim_row_hash_updated after update on warehouse.victim_row_hash
    referencing old table as old_hashes new table as new_hashes
    for each statement execute function warehouse.move_row_hash_generation();
create trigger victim_row_hash_deleted after delete on warehouse.victim_row_hash
    referencing old table as old_hashes for each statement execute function warehouse.move_row_hash_generation();
create trigger victim_row_hash_truncated after truncate on warehouse.victim_row_hash
    for each statement execute function warehouse.move_row_hash_generation();
