-- Which pseudonym key the identity and person keys in the database were computed with: its
-- fingerprint only, never the key. A start-up with another key (first start after V020, a
-- rotation, a restored key) recomputes every key and records the new fingerprint here.
create table access.pseudonym_key (
    id          boolean     primary key default true check (id),   -- one row
    fingerprint varchar(64) not null,
    applied_at  timestamptz not null default now()
);
