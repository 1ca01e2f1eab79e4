-- Rows of a file being loaded: the batch job stages every data row here chunk by chunk, then
-- publishes the file to the warehouse in one transaction, so a file is never half-loaded.
create schema intake;

create table intake.staged_row (
    file_id      bigint  not null references ingest.received_file (id),
    ordinal      integer not null,            -- data row position in the file, across sheets
    sheet        text    not null,
    row_number   integer not null,            -- 1-based, as the office sees it
    rejected     boolean not null,
    identity_key char(64),                    -- sha256 of (office, case number, victim); null when rejected
    person_key   char(64),                    -- sha256 of the person, for counts across offices
    content_hash char(64),
    case_row     jsonb,                       -- normalised values; null when rejected
    original     jsonb   not null,            -- every column as written: {"header": "value", ...}
    findings     jsonb   not null default '[]',
    primary key (file_id, ordinal)
);
