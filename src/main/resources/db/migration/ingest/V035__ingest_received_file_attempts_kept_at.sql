-- How many times a file's load was started (an internal failure is retried a few times, then the
-- file is quarantined), and where its original is kept now (archive or quarantine for a dropped
-- file, else its landing copy).
alter table ingest.received_file
    add column load_attempts integer not null default 0,
    add column kept_at       text;

update ingest.received_file set kept_at = landing_path;

alter table ingest.received_file alter column kept_at set not null;

create index received_file_status on ingest.received_file (status, id);
