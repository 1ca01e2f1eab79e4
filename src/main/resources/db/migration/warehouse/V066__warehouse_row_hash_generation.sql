-- Issue 13: a re-delivery's publish checked, for each of its thin rows (99,000 of a 100,000-row file
-- with 1 % changed), that the row's record still carries the row's hash: 0.65-1.1 s at 100,000 rows,
-- 5.7 s at a million, for a check that almost never finds anything. A thin row can only have gone
-- stale if the office's row hashes changed after the stage step read them. So each office's row
-- hashes carry a generation, moved by every statement that writes or deletes one of them, whoever
-- runs it (a publish, a correction, a test); the stage step keeps the generation it read the hashes
-- at (warehouse.staged_file, the oldest if it read them twice across a restart), and the publish
-- checks the thin rows one by one only when the office's generation has moved since.
create table warehouse.row_hash_generation (
    office_code varchar(5) primary key,
    generation  bigint     not null
);

comment on table warehouse.row_hash_generation is
    'how many statements have changed an office''s row hashes (warehouse.victim_row_hash): a staged file whose thin rows were matched at an older generation is checked again';

create table warehouse.staged_file (
    file_id                bigint     primary key,
    office_code            varchar(5) not null,
    row_hash_generation    bigint     not null
);

comment on table warehouse.staged_file is
    'a file being staged: the generation of its office''s row hashes when the stage step first read them';

create function warehouse.move_row_hash_generation() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        update warehouse.row_hash_generation set generation = generation + 1;
        return null;
    end if;
    if tg_op = 'DELETE' then
        insert into warehouse.row_hash_generation (office_code, generation)
        select distinct office_code, 1 from old_hashes
        on conflict (office_code) do update set generation = row_hash_generation.generation + 1;
    elsif tg_op = 'INSERT' then
        insert into warehouse.row_hash_generation (office_code, generation)
        select distinct office_code, 1 from new_hashes
        on conflict (office_code) do update set generation = row_hash_generation.generation + 1;
    else
        insert into warehouse.row_hash_generation (office_code, generation)
        select office_code, 1 from old_hashes union select office_code, 1 from new_hashes
        on conflict (office_code) do update set generation = row_hash_generation.generation + 1;
    end if;
    return null;
end
$$;

create trigger victim_row_hash_inserted after insert on warehouse.victim_row_hash
    referencing new table as new_hashes for each statement execute function warehouse.move_row_hash_generation();
create trigger victim_row_hash_updated after update on warehouse.victim_row_hash
    referencing old table as old_hashes new table as new_hashes for each statement execute function warehouse.move_row_hash_generation();
create trigger victim_row_hash_deleted after delete on warehouse.victim_row_hash
    referencing old table as old_hashes for each statement execute function warehouse.move_row_hash_generation();
create trigger victim_row_hash_truncated after truncate on warehouse.victim_row_hash
    for each statement execute function warehouse.move_row_hash_generation();
