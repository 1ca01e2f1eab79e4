-- Issue 13: a row as written kept its cells as a text array (V068, V069): 284 of a record's 951
-- bytes at 100,000 records of 17 cells, of them about 100 the array's own (a length and padding for
-- each cell), and as many for every staged row. A row staged or published from now on keeps its
-- cells as one text (original_cells): the cells joined by the unit separator (U+001F), a cell
-- without a value as the record separator (U+001E) alone, which warehouse.row_cells splits back into
-- the same array. A row whose cells cannot be told apart that way (a cell holding either character,
-- or a single cell that is empty) keeps the array (original_values), as rows written before do.
alter table warehouse.staged_row
    add column original_cells text;

alter table warehouse.victim
    add column original_cells text;

comment on column warehouse.staged_row.original_cells is
    'the row''s cells joined by U+001F, a cell without a value as U+001E (warehouse.row_cells); null when original_values holds them';

comment on column warehouse.victim.original_cells is
    'the row''s cells joined by U+001F, a cell without a value as U+001E (warehouse.row_cells); null when original_values holds them';

-- the cells of a row as written as an array, in the order of its headers (warehouse.row_header),
-- whichever way the row keeps them
create function warehouse.row_cells(original_values text[], original_cells text) returns text[]
    language sql immutable parallel safe as $$
    select coalesce(original_values, string_to_array(original_cells, e'\x1f', e'\x1e'))
$$;

-- the row as written of a record, as {"header": "value", ...}
create or replace function warehouse.victim_original(v warehouse.victim) returns jsonb
    language sql stable parallel safe as $$
    select coalesce(v.original,
                    (select jsonb_object(h.headers, warehouse.row_cells(v.original_values, v.original_cells))
                       from warehouse.row_header h where h.key = v.original_headers))
$$;
