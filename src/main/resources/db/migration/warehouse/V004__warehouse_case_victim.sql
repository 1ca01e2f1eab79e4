-- The provincial warehouse: cases, their victims and coded attributes, each row traceable to the
-- file and row it came from, with the history of every changed victim.
create schema warehouse;

create table warehouse.code_value (
    vocabulary text not null,   -- sex, exploitation, recruitment, case_stage, services
    code       text not null,
    label_id   text not null,
    label_en   text not null,
    primary key (vocabulary, code)
);

create table warehouse.tppo_case (
    id              bigint generated always as identity primary key,
    office_code     varchar(5)  not null,
    case_number     text        not null,
    report_date     date        not null,
    incident_date   date,
    case_stage      text,
    source_file_id  bigint      not null references ingest.received_file (id),
    source_sheet    text        not null,
    source_row      integer     not null,
    first_loaded_at timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (office_code, case_number)
);

create table warehouse.victim (
    id                  bigint generated always as identity primary key,
    case_id             bigint      not null references warehouse.tppo_case (id),
    office_code         varchar(5)  not null,
    identity_key        char(64)    not null,
    person_key          char(64)    not null,
    victim_name         text        not null,
    nik                 char(16),
    sex                 char(1)     not null,
    birth_place         text,
    birth_date          date,
    age                 smallint,
    origin_regency      text        not null,
    origin_district     text,
    origin_village      text,
    address             text,
    citizenship         varchar(3)  not null,
    citizenship_country char(2),
    education           text,
    destination_country char(2),
    destination_area    text,
    notes               text,
    case_row            jsonb       not null,  -- the normalised row as loaded, kept whole for history
    content_hash        char(64)    not null,
    version             integer     not null default 1,
    source_file_id      bigint      not null references ingest.received_file (id),
    source_sheet        text        not null,
    source_row          integer     not null,
    first_loaded_at     timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    unique (office_code, identity_key)
);

create index victim_case on warehouse.victim (case_id);
create index victim_person on warehouse.victim (person_key);

create table warehouse.victim_exploitation (
    victim_id bigint not null references warehouse.victim (id) on delete cascade,
    code      text   not null,
    primary key (victim_id, code)
);

create table warehouse.victim_recruitment (
    victim_id bigint not null references warehouse.victim (id) on delete cascade,
    code      text   not null,
    primary key (victim_id, code)
);

create table warehouse.victim_service (
    victim_id bigint not null references warehouse.victim (id) on delete cascade,
    code      text   not null,
    primary key (victim_id, code)
);

-- The values a victim had before a later delivery changed them.
create table warehouse.victim_history (
    id                  bigint generated always as identity primary key,
    victim_id           bigint      not null references warehouse.victim (id),
    version             integer     not null,
    case_row            jsonb       not null,
    source_file_id      bigint      not null,
    source_sheet        text        not null,
    source_row          integer     not null,
    replaced_at         timestamptz not null default now(),
    replaced_by_file_id bigint      not null references ingest.received_file (id),
    unique (victim_id, version)
);

-- Warnings a loaded victim carries for review, from the delivery that last changed it.
create table warehouse.victim_flag (
    victim_id      bigint not null references warehouse.victim (id) on delete cascade,
    code           text   not null,
    field          text   not null,
    value          text,
    message_id     text   not null,
    message_en     text   not null,
    source_file_id bigint not null references ingest.received_file (id)
);

create index victim_flag_victim on warehouse.victim_flag (victim_id);

-- National counts: one person reported by several offices is one victim.
create view warehouse.unique_victim as
select person_key,
       min(id)                          as first_victim_id,
       count(*)                         as reports,
       array_agg(distinct office_code)  as offices
from warehouse.victim
group by person_key;
