-- What became of every data row of a loaded file, kept when the file is published, so the office
-- can be answered with its own workbook marked up (docs/office-feedback.md). Where the row is, its
-- status and the codes, fields and column headers of its findings: never a value of the row.
-- Skipped rows (blank, totals, signatures) are not kept: under a sheet's header every row without
-- an outcome is one the reader skipped.
create table warehouse.row_outcome (
    file_id    bigint      not null references ingest.received_file (id),
    ordinal    integer     not null,            -- data row position in the file, across sheets
    sheet      text        not null,
    row_number integer     not null,
    status     varchar(12) not null,
    findings   jsonb       not null default '[]',   -- [{"code": "E_NIK_FORMAT", "field": "nik", "column": "NIK"}]
    primary key (file_id, ordinal),
    constraint row_outcome_status check (status in ('DITERIMA', 'PERINGATAN', 'DUPLIKAT', 'DITOLAK'))
);

-- An office's answer workbook sent back: which earlier file it answers, and what it settled there.
create table warehouse.file_answer (
    file_id         bigint      primary key references ingest.received_file (id),
    answers_file_id bigint      not null references ingest.received_file (id),
    corrected       integer     not null,   -- rejected rows of the answered file now CORRECTED
    still_open      integer     not null,   -- rejected rows still wrong, left open as they were
    settled_at      timestamptz not null default now()
);

-- A rejected row fixed by the office in a later delivery rather than by a correction in review.
alter table warehouse.rejected_row
    add column corrected_by_file_id bigint references ingest.received_file (id);

comment on column warehouse.rejected_row.corrected_by_file_id is
    'ingest.received_file id of the answer workbook whose row fixed this one';
