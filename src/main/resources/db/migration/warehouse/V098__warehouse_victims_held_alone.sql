-- Issue 13: a large first delivery into a warehouse holding few records builds the record table's
-- secondary indexes after its rows (VictimIndexesAside), which needs the table held exclusively until
-- the publish commits. Taken only if no other session uses the table within a short wait (the setting
-- holds for the call alone); a deadlock or a wait in vain leaves the publish to insert as before.
create function warehouse.hold_victims_alone() returns boolean
    language plpgsql set lock_timeout = '2s' as $$
begin
    lock table warehouse.victim in access exclusive mode;
    return true;
exception
    when lock_not_available or deadlock_detected then
        return false;
end
$$;

comment on function warehouse.hold_victims_alone() is
    'holds warehouse.victim exclusively until the transaction ends, if no other session uses it within 2 s';
