-- Issue 13: a first load's persons run read its pending records' ids and versions, and whether the file
-- is their source, by scanning the warehouse's records (781 MB at a million, 3.6 s of the run's critical
-- path), although the file's records are those its publish drew ids for. When the ids the publish kept
-- are one unbroken range (it draws them in the file's order, in one statement; another session drawing
-- ids meanwhile, or identities repeated, leave gaps), the publish notes the range: every id in it is a
-- record of the file, and the run reads the pending list alone (ids and versions, every change of a
-- record noted there by its trigger) instead. Null when the ids were not one range.
alter table warehouse.first_delivery_places add column first_id bigint, add column last_id bigint;

comment on column warehouse.first_delivery_places.first_id is
    'the lowest record id the publish kept, when the ids it kept are one unbroken range (to last_id); else null';
comment on column warehouse.first_delivery_places.last_id is
    'the highest record id the publish kept, when the ids it kept are one unbroken range (from first_id); else null';
