-- Who may see what: the accounts of Gugus (each with one role, office staff bound to one office)
-- and the audit log of every read of personal data, every change and every login.
create schema access;

create table access.account (
    name          varchar(64)  primary key,
    role          varchar(20)  not null,
    office_code   varchar(5),                      -- only for OFFICE accounts: the one office they see
    password_hash text         not null,           -- DelegatingPasswordEncoder: {bcrypt}..., {argon2}...
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    constraint account_role check (role in ('ADMIN', 'STEWARD', 'REVIEWER', 'OFFICE', 'COORDINATOR', 'AUDITOR')),
    constraint account_office check ((role = 'OFFICE') = (office_code is not null))
);

-- Append-only: rows are only ever inserted. The trigger refuses UPDATE, DELETE and TRUNCATE from
-- any role, the owner included; the grants below take the rights away from every other role.
create table access.audit_event (
    id       bigint generated always as identity primary key,
    at       timestamptz  not null default now(),
    username varchar(64)  not null,                 -- an account, or os:<user> on the command line
    channel  varchar(10)  not null,                 -- HTTP or CLI
    address  varchar(64),                           -- the client's address (after a trusted proxy)
    action   varchar(40)  not null,                 -- READ_REJECTIONS, CORRECTION, LOGIN_FAILED, ...
    target   text,                                  -- the endpoint or command, the account, the row
    rows     integer      not null default 0,       -- how many rows with personal data it returned or changed
    row_ids  bigint[]     not null default '{}'     -- which ones
);

create index audit_event_at on access.audit_event (at);
create index audit_event_user on access.audit_event (username, at);

create function access.refuse_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'access.audit_event is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_append_only
    before update or delete on access.audit_event
    for each row execute function access.refuse_audit_change();

create trigger audit_event_no_truncate
    before truncate on access.audit_event
    for each statement execute function access.refuse_audit_change();

revoke update, delete, truncate on access.audit_event from public;
