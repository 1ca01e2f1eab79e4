-- Received files are deleted once older than the retention period; the registry keeps their hash
-- and metadata, and says when their bytes were purged.
alter table ingest.received_file add column purged_at timestamptz;
