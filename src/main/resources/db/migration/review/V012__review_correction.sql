-- Corrections sent back by provincial staff for a rejected row or a flagged victim. Every
-- submission is kept, passed or not; nothing in review.rejected_row is overwritten but its status.
create table review.correction (
    id              bigint generated always as identity primary key,
    rejected_row_id bigint references review.rejected_row (id),   -- the rejected row corrected, or
    flagged_victim_id bigint references warehouse.victim (id),    -- the flagged victim corrected
    office_code     varchar(5)  not null,
    file_id         bigint      not null references ingest.received_file (id),  -- the file of the corrected row
    sheet           text        not null,
    row_number      integer     not null,
    submitted_by    text        not null,
    note            text,
    submitted_at    timestamptz not null default now(),
    row_values      jsonb       not null,   -- the whole corrected row as submitted: {"header": "value", ...}
    findings        jsonb       not null default '[]',
    outcome         varchar(20) not null,   -- REJECTED, INSERTED, UPDATED, UNCHANGED
    victim_id       bigint references warehouse.victim (id),      -- where a passed correction went
    constraint correction_target check ((rejected_row_id is null) <> (flagged_victim_id is null)),
    constraint correction_outcome check (outcome in ('PENDING', 'REJECTED', 'INSERTED', 'UPDATED', 'UNCHANGED'))
);

create index correction_rejected_row on review.correction (rejected_row_id);
create index correction_flagged_victim on review.correction (flagged_victim_id);

alter table review.rejected_row
    add column corrected_by bigint references review.correction (id),
    add constraint rejected_row_status check (status in ('OPEN', 'CORRECTED'));

-- Lineage of a victim record to the correction that last wrote it (null when a file did), and the
-- row as written, so a flagged row can be corrected from what the office wrote.
alter table warehouse.victim
    add column source_correction_id bigint references review.correction (id),
    add column original             jsonb;

alter table warehouse.victim_history
    add column source_correction_id      bigint references review.correction (id),
    add column original                  jsonb,
    add column replaced_by_correction_id bigint references review.correction (id),
    alter column replaced_by_file_id drop not null,
    add constraint victim_history_replaced_by check (replaced_by_file_id is not null or replaced_by_correction_id is not null);

alter table warehouse.victim_flag
    add column source_correction_id bigint references review.correction (id);
