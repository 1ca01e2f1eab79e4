-- A rejected row a reviewer closed without a correction (a test row, a row sent twice, a record
-- that is not a victim), with who closed it and why. The row itself is marked DISMISSED.
create table review.dismissal (
    id              bigint generated always as identity primary key,
    rejected_row_id bigint      not null references warehouse.rejected_row (id),
    office_code     varchar(5)  not null,
    dismissed_by    text        not null,
    reason          text        not null,
    dismissed_at    timestamptz not null default now()
);

create index dismissal_rejected_row on review.dismissal (rejected_row_id);

-- A rejected row can now also be DISMISSED (the constraint of V012, on the table warehouse owns since V013).
alter table warehouse.rejected_row drop constraint rejected_row_status;
alter table warehouse.rejected_row add constraint rejected_row_status check (status in ('OPEN', 'CORRECTED', 'DISMISSED'));
