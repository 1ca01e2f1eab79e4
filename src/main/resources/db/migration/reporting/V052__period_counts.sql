-- Counts of a period or office, kept once counted until the reporting schema changes: a national
-- coordinator's tools ask for the same year's indicators again and again (the full report, then each
-- indicator, then the workbook), and counting a year of a million-record province takes a second.
-- Every refresh and rebuild bumps the generation; counts of an older generation are never read and
-- are deleted by the next count that is kept. Counts as counted (before suppression), like
-- all_time_count; no person id is kept.
create table reporting.generation (
    one        boolean primary key default true check (one),
    generation bigint  not null
);

insert into reporting.generation (generation) values (1);

-- Which indicators of which query are counted (a query's cells of zero have no row below).
create table reporting.period_counted (
    generation bigint not null,
    query_key  text   not null,   -- from|to|office, blank for open
    indicator  text   not null,
    primary key (query_key, indicator, generation)
);

create table reporting.period_count (
    generation bigint not null,
    query_key  text   not null,
    indicator  text   not null,
    code       text   not null,
    n          bigint not null,
    primary key (query_key, indicator, generation, code)
);
