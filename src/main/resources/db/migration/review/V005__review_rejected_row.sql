-- Rows that a rule rejected, kept as written for provincial staff to review and correct.
create schema review;

create table review.rejected_row (
    id          bigint generated always as identity primary key,
    file_id     bigint      not null references ingest.received_file (id),
    office_code varchar(5)  not null,
    sheet       text        not null,
    row_number  integer     not null,
    original    jsonb       not null,
    findings    jsonb       not null,
    status      varchar(20) not null default 'OPEN',
    created_at  timestamptz not null default now(),
    unique (file_id, sheet, row_number)
);

create index rejected_row_office on review.rejected_row (office_code, status);
