-- Issue 13: a record's three code lists (exploitation, recruitment, services) were written twice: in
-- its case_row (V063 kept them there) and as rows of three tables with their keys, about 400,000 rows
-- and index entries for a first load of 100,000 records (1.2 s of its 5.9 s publish), deleted and
-- written again for every changed record of a re-delivery. The lists now live in case_row alone; the
-- three tables become views of the same names and columns, so every reader reads them as before.

-- a record's codes of one list, none when case_row has no such list
create function warehouse.victim_codes(case_row jsonb, list text) returns setof text
    language sql immutable parallel safe as $$
    select jsonb_array_elements_text(case when jsonb_typeof(case_row -> list) = 'array' then case_row -> list end)
$$;

-- Records whose tables say other than their case_row (none the publisher wrote; a bench's or an old
-- record's) take the tables' codes, which every reader read until now.
update warehouse.victim v
   set case_row = v.case_row || jsonb_build_object('exploitation', t.codes)
  from (select v.id, coalesce((select jsonb_agg(a.code order by a.code) from warehouse.victim_exploitation a
                                where a.victim_id = v.id), '[]') as codes
          from warehouse.victim v) t
 where t.id = v.id
   and t.codes is distinct from (select coalesce(jsonb_agg(c order by c), '[]')
                                   from warehouse.victim_codes(v.case_row, 'exploitation') c);

update warehouse.victim v
   set case_row = v.case_row || jsonb_build_object('recruitment', t.codes)
  from (select v.id, coalesce((select jsonb_agg(a.code order by a.code) from warehouse.victim_recruitment a
                                where a.victim_id = v.id), '[]') as codes
          from warehouse.victim v) t
 where t.id = v.id
   and t.codes is distinct from (select coalesce(jsonb_agg(c order by c), '[]')
                                   from warehouse.victim_codes(v.case_row, 'recruitment') c);

update warehouse.victim v
   set case_row = v.case_row || jsonb_build_object('services', t.codes)
  from (select v.id, coalesce((select jsonb_agg(a.code order by a.code) from warehouse.victim_service a
                                where a.victim_id = v.id), '[]') as codes
          from warehouse.victim v) t
 where t.id = v.id
   and t.codes is distinct from (select coalesce(jsonb_agg(c order by c), '[]')
                                   from warehouse.victim_codes(v.case_row, 'services') c);

drop table warehouse.victim_exploitation;
drop table warehouse.victim_recruitment;
drop table warehouse.victim_service;

create view warehouse.victim_exploitation as
select v.id as victim_id, c.code
  from warehouse.victim v
 cross join lateral warehouse.victim_codes(v.case_row, 'exploitation') c(code);

create view warehouse.victim_recruitment as
select v.id as victim_id, c.code
  from warehouse.victim v
 cross join lateral warehouse.victim_codes(v.case_row, 'recruitment') c(code);

create view warehouse.victim_service as
select v.id as victim_id, c.code
  from warehouse.victim v
 cross join lateral warehouse.victim_codes(v.case_row, 'services') c(code);

comment on view warehouse.victim_exploitation is 'a record''s exploitation codes, read from its case_row';
comment on view warehouse.victim_recruitment is 'a record''s recruitment codes, read from its case_row';
comment on view warehouse.victim_service is 'a record''s service codes, read from its case_row';
