-- Issue 13: a victim record kept its row as written as a jsonb document with every header of the
-- sheet (about 490 of its 1,190 bytes), built or parsed for every record a load writes. A record
-- written from now on keeps the cells' texts (original_values) under a list of headers kept once
-- (warehouse.row_header); warehouse.victim_original(v) gives the row as written back as
-- {"header": "value", ...}, whichever way the record keeps it. Records written before keep their
-- `original`.
alter table warehouse.victim
    add column original_headers bigint,
    add column original_values  text[];

comment on column warehouse.victim.original_headers is
    'warehouse.row_header key of the headers original_values stand under; null when original holds the row as written';

-- the row as written of a record, as {"header": "value", ...}
create function warehouse.victim_original(v warehouse.victim) returns jsonb
    language sql stable parallel safe as $$
    select coalesce(v.original,
                    (select jsonb_object(h.headers, v.original_values)
                       from warehouse.row_header h where h.key = v.original_headers))
$$;
