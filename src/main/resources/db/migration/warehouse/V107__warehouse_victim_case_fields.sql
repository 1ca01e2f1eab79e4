-- Issue 13: a record kept its case fields and code lists (V063, V095) as jsonb, built by to_jsonb of a
-- row of warehouse.case_row_fields (V096) for every record a publish writes, and taken apart again
-- (jsonb_to_record) for every record a full refresh of reporting reads: at 100,000 records about
-- 0.5 s of the server's insert against 0.2 s for the row itself, 0.16 s of reading against 0.05 s,
-- and 41 MB against 36 MB (replayed on a first load's records). A record written from now on keeps
-- that row itself (case_fields) and no case_row; records written before take the same shape where
-- it gives their case_row back. warehouse.victim_case_row(v) gives the whole normalised row as
-- before, key for key: to_jsonb of the row is the document a publish wrote (V096).
alter table warehouse.victim
    alter column case_row drop not null,
    add column case_fields warehouse.case_row_fields,
    -- num_nulls, not "is not null": a row is "not null" only when each of its fields is
    add constraint victim_case_kept check (num_nulls(case_row, case_fields) < 2);

comment on column warehouse.victim.case_row is
    'records written before V107: the normalised row''s values no typed column holds (case, code lists); '
    'whole: warehouse.victim_case_row(v)';

comment on column warehouse.victim.case_fields is
    'the normalised row''s values no typed column holds (case, code lists), null where case_row holds them; '
    'whole: warehouse.victim_case_row(v)';

-- records written before: their case_row as the row where the row gives the same document back (every
-- record a publish wrote since V095), so that a reader takes one shape; the others (a record a bench
-- wrote whole, or without its code lists) keep their case_row
update warehouse.victim
   set case_fields = jsonb_populate_record(null::warehouse.case_row_fields, case_row), case_row = null
 where case_row is not null
   and to_jsonb(jsonb_populate_record(null::warehouse.case_row_fields, case_row)) = case_row;

-- the whole normalised row of a record; a key of a case_row written whole wins (records a bench wrote)
create or replace function warehouse.victim_case_row(v warehouse.victim) returns jsonb
    language sql immutable parallel safe as $$
    select warehouse.victim_typed_values(v) || coalesce(v.case_row, to_jsonb(v.case_fields))
$$;

create or replace view warehouse.victim_exploitation as
select v.id as victim_id, c.code
  from warehouse.victim v
 cross join lateral warehouse.victim_codes(coalesce(v.case_row, to_jsonb(v.case_fields)), 'exploitation') c(code);

create or replace view warehouse.victim_recruitment as
select v.id as victim_id, c.code
  from warehouse.victim v
 cross join lateral warehouse.victim_codes(coalesce(v.case_row, to_jsonb(v.case_fields)), 'recruitment') c(code);

create or replace view warehouse.victim_service as
select v.id as victim_id, c.code
  from warehouse.victim v
 cross join lateral warehouse.victim_codes(coalesce(v.case_row, to_jsonb(v.case_fields)), 'services') c(code);
