-- Issue 13: an office's first delivery listed each new record pending for persons one row at a time
-- (persons.pending_victim): 100,000 rows and their index in the publish's transaction at 100,000 records,
-- 1.6-2.8 s of a million-row publish on its one server process, each read back by the persons' run and
-- emptied after it. When the publish kept the file's record ids as one unbroken range (it draws them in
-- the file's order, in one statement), it now lists the range instead: every record from first_id to
-- last_id pending at victim_version. Ids only: no personal data.
create table persons.pending_range (
    first_id       bigint  not null,
    last_id        bigint  not null,
    victim_version integer not null default 1,
    check (first_id <= last_id)
);

comment on table persons.pending_range is
    'records pending for persons listed as ranges of ids (an office''s first delivery), beside persons.pending_victim';

-- what is pending, whichever way it was listed: what the persons' run and the warehouse's joins read
create view persons.pending_listed as
select victim_id, victim_version from persons.pending_victim
union all
select g.victim_id, r.victim_version
  from persons.pending_range r
 cross join lateral generate_series(r.first_id, r.last_id) as g(victim_id);

-- a record deleted from a listed range: the range's other records listed one by one, the range dropped
-- (a re-delivery before the range's run, or a record taken out in review: rare)
create or replace function persons.forget_pending_victims() returns trigger language plpgsql as $$
begin
    delete from persons.pending_victim p using gone g where p.victim_id = g.id;
    with split as (
        delete from persons.pending_range r
         where exists (select 1 from gone g where g.id between r.first_id and r.last_id)
        returning r.first_id, r.last_id, r.victim_version)
    insert into persons.pending_victim (victim_id, victim_version)
    select g.victim_id, s.victim_version
      from split s
     cross join lateral generate_series(s.first_id, s.last_id) as g(victim_id)
     where not exists (select 1 from gone d where d.id = g.victim_id);
    return null;
end
$$;
