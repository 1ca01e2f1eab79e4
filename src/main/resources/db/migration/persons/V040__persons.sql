-- Persons: the human beings behind the victim records of the warehouse, as record linkage finds
-- them. A person keeps her id across runs; when two merge, the older id survives and the other is
-- kept with merged_into set, so nothing that refers to a person id breaks.
create schema persons;

create table persons.person (
    id          bigint generated always as identity primary key,
    created_at  timestamptz not null default now(),
    merged_into bigint references persons.person (id),
    merged_at   timestamptz
);

-- Which person each victim record is; a record whose warehouse version differs from
-- victim_version (or that has no row here) is still to be resolved.
create table persons.victim_person (
    victim_id      bigint      primary key references warehouse.victim (id) on delete cascade,
    person_id      bigint      not null references persons.person (id),
    victim_version integer     not null,
    resolved_at    timestamptz not null default now()
);

create index victim_person_person on persons.victim_person (person_id);
