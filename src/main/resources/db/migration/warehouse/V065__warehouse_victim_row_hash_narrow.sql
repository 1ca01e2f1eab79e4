-- Issue 13: a re-delivery's stage step reads every row hash of the office before its first row,
-- and its publish checks that each thin row's record still carries the row's hash. Both read the
-- hashes out of the wide victim records (about 1,200 bytes each, random pages: 0.8 s and 0.5 s for
-- 100,000 records). The hashes now live in a narrow table of their own, one row per record that has
-- one (judged without a finding from a delivery), about 80 bytes, with the hash's first 8 bytes as a
-- number: what the stage step sorts and searches (warehouse.KnownRows). The victim records lose the
-- two columns; the publisher alone writes this table, in the transaction that writes the record.
-- One index, the primary key, leading with the office: a first load writes a row here for every
-- record, and every statement that reads the table knows the office.
create table warehouse.victim_row_hash (
    office_code varchar(5) not null,
    victim_id   bigint     not null,
    prefix      bigint     not null,
    row_hash    bytea      not null,
    received_on date       not null,
    primary key (office_code, victim_id)
);

comment on table warehouse.victim_row_hash is
    'the hash of the cells a victim record''s row was judged from without a finding, and the day that row was received';
comment on column warehouse.victim_row_hash.prefix is
    'the row hash''s first 8 bytes as a signed number, big-endian';

insert into warehouse.victim_row_hash (office_code, victim_id, prefix, row_hash, received_on)
select office_code, id, ('x' || encode(substring(row_hash from 1 for 8), 'hex'))::bit(64)::bigint, row_hash,
       row_received_on
  from warehouse.victim
 where row_hash is not null and row_received_on is not null;

alter table warehouse.victim
    drop column row_hash,
    drop column row_received_on;
