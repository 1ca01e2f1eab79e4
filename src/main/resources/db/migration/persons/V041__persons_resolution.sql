-- Resolution of victim records into persons: what each run needs to work incrementally (hashed
-- blocking keys), what it leaves for people (pairs to review, their decisions), what it explains
-- (the weights of every link), and what it did (runs, merges and splits of persons).

-- The blocking keys of each victim record, as a keyed 64-bit hash only (the keys carry names and
-- NIKs): two records sharing a hash are a candidate pair.
create table persons.block_key (
    key_hash  bigint not null,
    victim_id bigint not null references warehouse.victim (id) on delete cascade
);

create index block_key_hash on persons.block_key (key_hash);
create index block_key_victim on persons.block_key (victim_id);

-- One resolution: of the pending records (after a load, a correction, a decision), or of all.
create table persons.resolution_run (
    id           bigint generated always as identity primary key,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    all_records  boolean     not null,
    trigger      text        not null,   -- load, correction, command, api, decision
    victims      integer,                -- records compared in the run
    persons      integer,                -- persons those records make
    links        integer,                -- pairs linked by the model or a decision
    pairs_queued integer                 -- pairs left open for review
);

-- The estimated model: the newest row is used by every incremental run.
create table persons.linkage_model (
    id           bigint generated always as identity primary key,
    estimated_at timestamptz not null default now(),
    records      integer     not null,
    model        jsonb       not null
);

-- A pair of records whose probability lies between the review and the match threshold: OPEN for a
-- reviewer, DECIDED once decided, CLOSED when a later run no longer finds it uncertain.
create table persons.candidate_pair (
    id          bigint generated always as identity primary key,
    victim_a    bigint      not null references warehouse.victim (id) on delete cascade,
    victim_b    bigint      not null references warehouse.victim (id) on delete cascade,
    weight      double precision not null,
    probability double precision not null,
    comparisons jsonb       not null,
    status      text        not null default 'OPEN' check (status in ('OPEN', 'DECIDED', 'CLOSED')),
    run_id      bigint      references persons.resolution_run (id),
    queued_at   timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    check (victim_a < victim_b),
    unique (victim_a, victim_b)
);

create index candidate_pair_status on persons.candidate_pair (status, id);

-- Every decision of a reviewer, kept; the latest of a pair wins over the model in every later run.
create table persons.pair_decision (
    id         bigint generated always as identity primary key,
    victim_a   bigint      not null references warehouse.victim (id) on delete cascade,
    victim_b   bigint      not null references warehouse.victim (id) on delete cascade,
    decision   text        not null check (decision in ('SAME', 'DIFFERENT')),
    decided_by text        not null,
    decided_at timestamptz not null default now(),
    note       text,
    check (victim_a < victim_b)
);

create index pair_decision_a on persons.pair_decision (victim_a);
create index pair_decision_b on persons.pair_decision (victim_b);

-- The pairs that joined records into a person, with the weight of every comparison (or the decision).
create table persons.person_link (
    victim_a    bigint      not null references warehouse.victim (id) on delete cascade,
    victim_b    bigint      not null references warehouse.victim (id) on delete cascade,
    weight      double precision not null,
    probability double precision not null,
    comparisons jsonb       not null,
    decided     boolean     not null default false,
    run_id      bigint      references persons.resolution_run (id),
    check (victim_a < victim_b),
    primary key (victim_a, victim_b)
);

create index person_link_b on persons.person_link (victim_b);

-- Persons merged (other_person_id merged into person_id, which survives) or split (other_person_id
-- made of records that were person_id's).
create table persons.person_event (
    id              bigint generated always as identity primary key,
    kind            text        not null check (kind in ('MERGED', 'SPLIT')),
    person_id       bigint      not null references persons.person (id),
    other_person_id bigint      not null references persons.person (id),
    at              timestamptz not null default now(),
    run_id          bigint      not null references persons.resolution_run (id)
);

create index person_event_person on persons.person_event (person_id);
create index person_event_other on persons.person_event (other_person_id);

-- National counts: one row per person; a record not resolved yet counts as one person of its own
-- until the next resolution (person_id null).
create view persons.unique_victim as
select vp.person_id,
       min(v.id)                        as first_victim_id,
       count(*)                         as reports,
       array_agg(distinct v.office_code) as offices
  from warehouse.victim v
  join persons.victim_person vp on vp.victim_id = v.id
 group by vp.person_id
union all
select null, v.id, 1, array[v.office_code]::varchar[]
  from warehouse.victim v
 where not exists (select 1 from persons.victim_person vp where vp.victim_id = v.id);
