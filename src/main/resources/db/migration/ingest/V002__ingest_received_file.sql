-- The file registry: every file Gugus received, from any source, with what became of it.
create schema ingest;

create table ingest.received_file (
    id            bigint generated always as identity primary key,
    office_code   varchar(5),                 -- Kemendagri code of the reporting office; null when the drop folder named none
    original_name text        not null,
    size_bytes    bigint      not null,
    sha256        char(64)    not null,
    landing_path  text        not null,       -- content-addressed copy of the received bytes
    source        varchar(20) not null,       -- DROP_FOLDER, COMMAND_LINE, SFTP
    received_at   timestamptz not null default now(),
    status        varchar(20) not null,       -- RECEIVED, LOADED, QUARANTINED, ALREADY_RECEIVED, FAILED
    duplicate_of  bigint references ingest.received_file (id),
    format        varchar(10),
    error_code    varchar(30),
    error_message text,
    outcome       jsonb,                      -- the load summary, as `gugus load --json` prints it
    finished_at   timestamptz,
    constraint received_file_status check (status in ('RECEIVED', 'LOADED', 'QUARANTINED', 'ALREADY_RECEIVED', 'FAILED'))
);

-- The same content from the same office is loaded once, whatever its name, across restarts and instances.
create unique index received_file_content_once on ingest.received_file (office_code, sha256)
    where duplicate_of is null and office_code is not null;

create index received_file_office on ingest.received_file (office_code, received_at);
