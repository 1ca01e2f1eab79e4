-- Re-deliveries (issue 13): an office's monthly file repeats every earlier row. A victim record
-- keeps the hash of the cells its row was judged from (row_hash, with the template and reference
-- edition in force) when that judgement found nothing to say, and the day the row was received
-- (row_received_on: a later delivery cannot find a date "after the day received" that an earlier
-- one did not). A re-delivered row with the same hash is staged thin - its row hash and the record
-- it repeats, no values - and is not judged again; the publish takes its keys from the record.
alter table warehouse.victim
    add column row_hash        bytea,
    add column row_received_on date;

alter table warehouse.staged_row
    add column row_hash        bytea,
    add column known_victim_id bigint,
    alter column original drop not null;

comment on column warehouse.staged_row.known_victim_id is
    'warehouse.victim id whose row_hash this row repeats: staged without values or originals, not judged again';

-- the thin rows of a file, checked before it is published without reading its full rows
create index staged_row_repeating on warehouse.staged_row (file_id, ordinal) where known_victim_id is not null;
