-- Issue 13: the statement trigger of persons that listed new victim records as pending for
-- resolution (persons.note_pending_victims, V046) kept a transition table of every inserted record
-- whole: some 110 MB of temporary file for a first load of 100,000 records, about a quarter of the
-- insert. The warehouse's publisher, the one writer of new records, now lists them itself in the
-- same transaction, from the ids its insert returns (warehouse.WarehousePublisher). Updated records
-- are still listed by the update trigger, and deleted ones forgotten by the delete trigger.
drop trigger victim_inserted_is_pending on warehouse.victim;
