-- Issue 13: a record's case_row (its case values and code lists, V063, V095) was built by
-- jsonb_build_object from seven values and three to_jsonb of the code lists, for every record a
-- publish writes: about a third of the CPU of a first load's insert of its records. A row of this
-- type turned into jsonb (to_jsonb) gives the same document, key for key and value for value (a key's
-- name is the field's name, a null value a JSON null, a list a JSON array of its texts), in about
-- three quarters of the time. The type is the case_row's shape as a publish writes it; the fields'
-- names are its keys: never rename one.
create type warehouse.case_row_fields as (
    case_number   text,
    report_date   text,
    incident_date text,
    exploitation  text[],
    recruitment   text[],
    case_stage    text,
    services      text[]
);

comment on type warehouse.case_row_fields is
    'the values a record keeps as case_row, by name: to_jsonb of one row of it is the case_row a publish writes';
