-- What of a record linkage compared when it was last resolved, as one keyed 64-bit hash (the fields
-- linkage reads, the linkage settings and the model, behind the block keys' secret salt): a record
-- re-delivered with only other fields changed (its notes, its services) has the same hash and keeps
-- its person, links and queued pairs; only its version moves on. Null when not known (resolved before
-- this column, or by the bounded run): such a record is resolved in full. No personal data.
alter table persons.victim_person add column linkage_hash bigint;
