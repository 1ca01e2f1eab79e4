-- The victim records still to resolve into persons, listed as the warehouse inserts or updates them
-- (a trigger of persons on warehouse.victim), so that an incremental run reads the records of the
-- last load instead of comparing every record with persons.victim_person (an anti-join of a million
-- rows after every load). A row says "this record at this version or later is to be resolved"; a run
-- deletes the rows of the records it resolved at that version or a later one. Ids only: no personal
-- data.
create table persons.pending_victim (
    victim_id      bigint  not null,
    victim_version integer not null
);

create index pending_victim_victim on persons.pending_victim (victim_id);

create function persons.note_pending_victims() returns trigger language plpgsql as $$
begin
    insert into persons.pending_victim (victim_id, victim_version) select id, version from changed;
    return null;
end
$$;

create trigger victim_inserted_is_pending after insert on warehouse.victim
    referencing new table as changed for each statement execute function persons.note_pending_victims();

create trigger victim_updated_is_pending after update on warehouse.victim
    referencing new table as changed for each statement execute function persons.note_pending_victims();

create function persons.forget_pending_victims() returns trigger language plpgsql as $$
begin
    delete from persons.pending_victim p using gone g where p.victim_id = g.id;
    return null;
end
$$;

create trigger victim_forgets_pending after delete on warehouse.victim
    referencing old table as gone for each statement execute function persons.forget_pending_victims();

-- what was pending before this list existed
insert into persons.pending_victim (victim_id, victim_version)
select v.id, v.version from warehouse.victim v
 where not exists (select 1 from persons.victim_person p where p.victim_id = v.id and p.victim_version = v.version);
