-- Issue 13: two indexes of warehouse.victim that no query reads, each kept up to date for every record
-- a publish writes. Records are never looked up by their person_key (persons links records by its own
-- blocks, reporting reads records by id and case) nor by their origin regency code (reporting copies it
-- into its own tables and groups there). The two made up about a third of the index upkeep of a first
-- load (0.4-0.7 s of 100,000 records on a loaded machine).
drop index warehouse.victim_person;
drop index warehouse.victim_origin_regency;
